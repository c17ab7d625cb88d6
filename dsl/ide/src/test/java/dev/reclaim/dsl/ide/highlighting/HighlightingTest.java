package dev.reclaim.dsl.ide.highlighting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.reclaim.dsl.ide.ReclaimIdeSetup;

/** Every coloured token of a small policy, with its style. */
class HighlightingTest {

    private static final Injector INJECTOR = new ReclaimIdeSetup().createInjectorAndDoEMFRegistration();

    @Test
    void keywordsLiteralsCommentsAndTheNamesOfEachKind() throws IOException {
        String text = """
                policy p
                /** doc */
                permission io
                permission task
                context NOIO = none
                layer block guarded by io
                system s {
                    memory 64 pages min 4 low 8 high 12
                    block b0 served by w
                    mutex m in b0
                    thread w serves b0 scope NOIO { lock m unlock m }
                    allow "layering" "why"
                }
                """;
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("memory:/p.reclaim"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        List<String> tokens = new ArrayList<>();
        INJECTOR.getInstance(ReclaimHighlighting.class).provideHighlightingFor(resource,
                (offset, length, styles) -> tokens.add(text.substring(offset, offset + length) + "=" + styles[0]),
                CancelIndicator.NullImpl);
        assertEquals(List.of("policy=keyword", "/** doc */=comment",
                "permission=keyword", "io=permission",
                "permission=keyword", "task=permission",
                "context=keyword", "NOIO=context", "none=keyword",
                "layer=keyword", "block=layer", "guarded=keyword", "by=keyword", "io=permission",
                "system=keyword",
                "memory=keyword", "64=number", "pages=keyword", "min=keyword", "4=number", "low=keyword", "8=number",
                "high=keyword", "12=number",
                "block=layer", "b0=instance", "served=keyword", "by=keyword", "w=thread",
                "mutex=keyword", "m=lock", "in=keyword", "b0=instance",
                "thread=keyword", "w=thread", "serves=keyword", "b0=instance", "scope=keyword", "NOIO=context",
                "lock=keyword", "m=lock", "unlock=keyword", "m=lock",
                "allow=keyword", "\"layering\"=string", "\"why\"=string"), tokens);
    }
}
