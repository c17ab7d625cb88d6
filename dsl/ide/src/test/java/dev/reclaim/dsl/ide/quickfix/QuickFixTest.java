package dev.reclaim.dsl.ide.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.reclaim.dsl.ide.ReclaimIdeSetup;
import dev.reclaim.dsl.ide.SeedFiles;

/** The quick fixes on the buggy seed, each checked by the exact text it produces. */
class QuickFixTest {

    private static final Injector INJECTOR = new ReclaimIdeSetup().createInjectorAndDoEMFRegistration();

    private XtextResource resource;
    private String text;
    private List<Issue> issues;

    @BeforeEach
    void load() throws IOException {
        Path file = SeedFiles.directory().resolve("seed_2019_buggy.reclaim");
        text = Files.readString(file, StandardCharsets.UTF_8);
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        resource = (XtextResource) set.getResource(URI.createFileURI(file.toString()), true);
        issues = INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    private List<Fix> fixesFor(String ruleId) {
        Issue issue = issues.stream().filter(i -> ruleId.equals(i.getCode())).findFirst().orElseThrow();
        return INJECTOR.getInstance(PolicyFixes.class).fixes(resource, issue, issues);
    }

    @Test
    void ioPathContextWrapsTheServingThreadInTheSuggestedScope() {
        List<Fix> fixes = fixesFor("io-path-context");
        assertEquals(List.of("Run loop0_worker under scope NOIO", "Allocate with NOIO instead of KERNEL"),
                fixes.stream().map(Fix::title).toList());
        assertEquals(text.replace("thread loop0_worker serves loop0 {", "thread loop0_worker serves loop0 scope NOIO {"),
                fixes.get(0).applyTo(text));
    }

    @Test
    void layeringOffersTheSameScopeAndNarrowsTheAllocation() {
        List<Fix> fixes = fixesFor("layering");
        assertEquals(List.of("Run loop0_worker under scope NOIO", "Allocate with NOIO instead of KERNEL"),
                fixes.stream().map(Fix::title).toList());
        assertEquals(text.replace("        alloc 1 KERNEL\n", "        alloc 1 NOIO\n"), fixes.get(1).applyTo(text));
    }

    @Test
    void recursionNarrowsTheAllocationOnly() {
        List<Fix> fixes = fixesFor("reclaim-recursion");
        assertEquals(List.of("Allocate with NOIO instead of KERNEL"), fixes.stream().map(Fix::title).toList());
    }

    @Test
    void upwardGateTestsTheShrinkersOwnLayerGuard() {
        List<Fix> fixes = fixesFor("upward-gate");
        assertEquals(List.of("Gate shrinker bufio on io (its own layer's guard) instead of fs"),
                fixes.stream().map(Fix::title).toList());
        assertEquals(text.replace("if fs {", "if io {"), fixes.get(0).applyTo(text));
    }

    @Test
    void theCodeActionServiceOffersTheFixesForADiagnostic() {
        Issue issue = issues.stream().filter(i -> "io-path-context".equals(i.getCode())).findFirst().orElseThrow();
        Document document = new Document(1, text);
        Diagnostic diagnostic = new Diagnostic(new Range(document.getPosition(issue.getOffset()),
                document.getPosition(issue.getOffset() + issue.getLength())), issue.getMessage());
        diagnostic.setCode("io-path-context");
        String uri = resource.getURI().toString();
        ICodeActionService2.Options options = new ICodeActionService2.Options();
        options.setDocument(document);
        options.setResource(resource);
        options.setURI(uri);
        options.setCodeActionParams(new CodeActionParams(new TextDocumentIdentifier(uri),
                diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))));
        List<Either<Command, CodeAction>> actions = INJECTOR.getInstance(ICodeActionService2.class)
                .getCodeActions(options);
        assertEquals(2, actions.size());
        CodeAction wrap = actions.get(0).getRight();
        assertEquals("Run loop0_worker under scope NOIO", wrap.getTitle());
        TextEdit edit = wrap.getEdit().getChanges().get(uri).get(0);
        assertEquals("scope NOIO ", edit.getNewText());
        assertEquals(document.getPosition(text.indexOf("{", text.indexOf("thread loop0_worker"))),
                edit.getRange().getStart());
    }
}
