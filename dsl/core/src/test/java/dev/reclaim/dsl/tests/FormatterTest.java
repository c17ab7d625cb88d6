package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.reclaim.dsl.ReclaimStandaloneSetup;

/** The formatter, by the exact text it gives. */
class FormatterTest {

    private static final Injector INJECTOR = new ReclaimStandaloneSetup().createInjectorAndDoEMFRegistration();

    private static String format(String text) throws IOException {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("memory:/f.reclaim"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        ITextRegionAccess regions = INJECTOR.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
        FormatterRequest request = INJECTOR.getInstance(FormatterRequest.class);
        request.setTextRegionAccess(regions);
        Provider<IFormatter2> formatters = INJECTOR.getProvider(IFormatter2.class);
        List<ITextReplacement> replacements = formatters.get().format(request);
        return regions.getRewriter().renderToString(replacements);
    }

    @Test
    void indentsBodiesAndPutsOneStatementPerLine() throws IOException {
        String messy = """
                policy   demo
                permission direct   permission io
                context KERNEL=direct+io
                  context NOIO = ( KERNEL - io )
                layer block guarded   by io
                system s { memory 64 pages min 4 low 8 high 12
                block b0 served by w
                mutex m in b0
                thread w serves b0 {
                alloc 1 KERNEL   lock m
                        unlock m }
                shrinker k in b0 guarded by io { scan { if io { lock m } else { trylock m else stop } unlock m } }
                thread idle task { }
                }
                """;
        String expected = """
                policy demo

                permission direct
                permission io
                context KERNEL = direct + io
                context NOIO = (KERNEL - io)
                layer block guarded by io

                system s {
                    memory 64 pages min 4 low 8 high 12
                    block b0 served by w
                    mutex m in b0
                    thread w serves b0 {
                        alloc 1 KERNEL
                        lock m
                        unlock m
                    }
                    shrinker k in b0 guarded by io {
                        scan {
                            if io {
                                lock m
                            } else {
                                trylock m else stop
                            }
                            unlock m
                        }
                    }
                    thread idle task { }
                }
                """;
        assertEquals(expected, format(messy));
    }

    @Test
    void keepsCommentsAndAtMostOneBlankLine() throws IOException {
        String text = """
                policy demo
                import "base.reclaim"
                /** A doc comment. */
                permission p



                permission q // trailing
                system s {
                    memory 64 pages min 4 low 8 high 12 // watermarks


                    block b0 on d0 , d1
                }
                """;
        String expected = """
                policy demo

                import "base.reclaim"

                /** A doc comment. */
                permission p

                permission q // trailing

                system s {
                    memory 64 pages min 4 low 8 high 12 // watermarks

                    block b0 on d0, d1
                }
                """;
        assertEquals(expected, format(text));
    }
}
