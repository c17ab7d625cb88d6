package dev.reclaim.dsl;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.IEncodingProvider;
import org.eclipse.xtext.service.DispatchingProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.SimpleNameProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

import dev.reclaim.dsl.linking.ReclaimLinkingDiagnosticMessageProvider;

/** Guice bindings of the language, beyond what the generator contributes. */
public class ReclaimRuntimeModule extends AbstractReclaimRuntimeModule {

    /** Names are simple (LANGUAGE.md): vocabulary is visible by its simple name. */
    @Override
    public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
        return SimpleNameProvider.class;
    }

    public Class<? extends ILinkingDiagnosticMessageProvider.Extended> bindLinkingDiagnosticMessages() {
        return ReclaimLinkingDiagnosticMessageProvider.class;
    }

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return MultiLineCommentDocumentationProvider.class;
    }

    /** Policies are UTF-8 whatever the platform's default charset (CI may run with none set). */
    @Override
    public void configureRuntimeEncodingProvider(Binder binder) {
        binder.bind(IEncodingProvider.class).annotatedWith(DispatchingProvider.Runtime.class)
                .toInstance(uri -> "UTF-8");
    }

    /** Only {@code /** ... *\/} documents a declaration; a plain block comment does not. */
    public void configureDocumentationStartTag(Binder binder) {
        binder.bind(String.class).annotatedWith(Names.named(MultiLineCommentDocumentationProvider.START_TAG))
                .toInstance("/\\*\\*");
    }
}
