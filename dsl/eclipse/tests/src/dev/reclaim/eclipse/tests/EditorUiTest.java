package dev.reclaim.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.reclaim.eclipse.editor.ReclaimEditor;
import dev.reclaim.eclipse.markers.PolicyMarkers;
import dev.reclaim.eclipse.outline.PolicyOutlinePage;

/**
 * The editor in a running workbench on the buggy seed: markers equal to `reclaimc check`, content
 * assist, hover, outline, go to definition, a screenshot, a quick fix that edits the text, formatting,
 * the new-file starter, and Quick Fix from the Problems view on copies of the seed, closed and open.
 * The typing aids are in {@link TypingUiTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorUiTest {

    /** `reclaimc check examples/seed/seed_2019_buggy.reclaim --format json`: rule, line, message. */
    private static final List<String> CLI_FINDINGS = List.of(
            "reclaim-recursion 53 loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which "
                    + "waits for IO on thin0 (through loop0, which loop0_worker serves): it would wait for itself",
            "reclaim-cycle 53 kswapd0 holds bufio_lock and waits for IO on thin0 (served by loop0_worker); "
                    + "loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which takes bufio_lock",
            "layering 53 loop0_worker, allocating 1 KERNEL in op direct_io for loop0, may enter shrinker bufio of "
                    + "thin0, which is on loop0",
            "io-path-context 53 loop0_worker serves loop0 (layer block) but may allocate 1 KERNEL in op direct_io, "
                    + "which admits shrinker bufio of thin0 (layer dm, guarded by io): wrap it in scope NOIO",
            "upward-gate 66 shrinker bufio of thin0 (layer dm) tests fs, which guards layer fs above it: the "
                    + "allocating layer should narrow its own context instead");

    private static IFile file;
    private static ReclaimEditor editor;
    private static IDocument document;

    @BeforeAll
    static void openTheBuggySeed() throws Exception {
        IProject project = Workbench.seedProject();
        file = project.getFile("seed_2019_buggy.reclaim");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Shell shell = page.getWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1400, 1000);
        page.showView(IPageLayout.ID_PROBLEM_VIEW);
        page.showView(IPageLayout.ID_OUTLINE);
        editor = (ReclaimEditor) IDE.openEditor(page, file, ReclaimEditor.ID);
        document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        Workbench.waitUntil("the findings' markers", 120, () -> markers().size() == CLI_FINDINGS.size());
    }

    private static List<IMarker> markers() {
        try {
            return Arrays.asList(file.findMarkers(PolicyMarkers.TYPE, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> markerSummaries() {
        List<String> out = new ArrayList<>();
        for (IMarker m : markers()) {
            out.add(m.getAttribute(PolicyMarkers.RULE_ID, "?") + " " + m.getAttribute(IMarker.LINE_NUMBER, -1) + " "
                    + m.getAttribute(IMarker.MESSAGE, ""));
        }
        out.sort(java.util.Comparator.comparing((String s) -> Integer.parseInt(s.split(" ")[1]))
                .thenComparing(s -> CLI_FINDINGS.indexOf(s)));
        return out;
    }

    private static int offsetOf(String text, String after) {
        int at = document.get().indexOf(text);
        assertTrue(at >= 0, "not in the seed: " + text);
        return at + after.length();
    }

    private static Set<String> proposalsAt(int offset) {
        Set<String> names = new TreeSet<>();
        for (ICompletionProposal p : editor.completionProcessor().computeCompletionProposals(editor.viewer(), offset)) {
            names.add(p.getDisplayString().split(" - ")[0]);
        }
        return names;
    }

    @Test
    @Order(1)
    void markersCarryTheRuleIdsAndMessagesOfReclaimcCheck() {
        assertEquals(CLI_FINDINGS, markerSummaries());
        IMarker ioPath = markers().stream().filter(m -> "io-path-context".equals(m.getAttribute(PolicyMarkers.RULE_ID, "")))
                .findFirst().orElseThrow();
        assertEquals(IMarker.SEVERITY_WARNING, ioPath.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(offsetOf("alloc 1 KERNEL", ""), ioPath.getAttribute(IMarker.CHAR_START, -1));
        assertEquals("seed_2019_buggy/thread loop0_worker", ioPath.getAttribute(PolicyMarkers.DECLARATION, ""));
    }

    @Test
    @Order(2)
    void savesAScreenshotOfTheSeedWithItsMarkers() throws Exception {
        IWorkbenchPage page = editor.getSite().getPage();
        // Reopened, the Problems view lists the markers as they are now, expanded.
        page.hideView(page.findView(IPageLayout.ID_PROBLEM_VIEW));
        page.showView(IPageLayout.ID_PROBLEM_VIEW);
        page.activate(editor);
        editor.selectAndReveal(offsetOf("op direct_io in xfs_host", ""), 0);
        editor.viewer().getTextWidget().redraw();
        Workbench.settle(3000);
        Path png = Workbench.screenshot(editor.getSite().getShell(), "eclipse-editor.png");
        assertTrue(Files.size(png) > 10_000, "screenshot too small: " + png);
    }

    @Test
    @Order(3)
    void contentAssistOffersContextsAfterAllocInstancesAfterOnAndLocksAfterLock() {
        Set<String> contexts = proposalsAt(offsetOf("alloc 1 KERNEL", "alloc 1 "));
        assertTrue(contexts.containsAll(Set.of("KERNEL", "NOFS", "NOIO", "NOWAIT", "NONE", "direct", "io", "fs", "none")),
                contexts.toString());
        Set<String> instances = proposalsAt(offsetOf("dm     thin0 on loop0", "dm     thin0 on "));
        assertTrue(instances.containsAll(Set.of("sda", "xfs_host", "loop0")), instances.toString());
        Set<String> locks = proposalsAt(offsetOf("lock bufio_lock\n        dirty", "lock "));
        assertTrue(locks.contains("bufio_lock"), locks.toString());
        Set<String> ops = proposalsAt(offsetOf("call direct_io", "call "));
        assertEquals(Set.of("direct_io"), ops);
        Set<String> keywords = proposalsAt(offsetOf("    thread kswapd0 kswapd", "    "));
        assertTrue(keywords.containsAll(Set.of("thread", "shrinker", "op", "mutex", "cache")), keywords.toString());
    }

    @Test
    @Order(4)
    void hoverShowsTheDocCommentAndOnAFindingTheRulesRationale() {
        String doc = editor.hoverAt(offsetOf("thread loop0_worker serves", "thread "));
        assertNotNull(doc);
        assertTrue(doc.contains("The loop kthread worker (loop_queue_work)"), doc);
        String finding = editor.hoverAt(offsetOf("alloc 1 KERNEL", "all"));
        assertNotNull(finding);
        assertTrue(finding.contains("io-path-context: loop0_worker serves loop0 (layer block)"), finding);
        assertTrue(finding.contains("\nWhy: "), finding);
    }

    @Test
    @Order(5)
    void outlineShowsThePolicyItsSystemAndTheSystemsMembers() {
        PolicyOutlinePage outline = (PolicyOutlinePage) editor.getAdapter(IContentOutlinePage.class);
        List<DocumentSymbol> roots = outline.symbols();
        assertEquals(1, roots.size());
        assertEquals("linux.storage.seed.seed_2019_buggy", roots.get(0).getName());
        DocumentSymbol system = roots.get(0).getChildren().stream().filter(s -> s.getName().equals("seed_2019_buggy"))
                .findFirst().orElseThrow();
        List<String> members = system.getChildren().stream().map(DocumentSymbol::getName).toList();
        assertTrue(members.containsAll(List.of("loop0_worker", "kswapd0", "direct_io", "bufio", "pagecache")),
                members.toString());
    }

    @Test
    @Order(6)
    void goToDefinitionSelectsTheDeclaredName() {
        assertTrue(editor.openDefinitionAt(offsetOf("lock bufio_lock\n        dirty", "lock ")));
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(offsetOf("mutex bufio_lock in thin0", "mutex "), selection.getOffset());
        assertEquals("bufio_lock", selection.getText());
    }

    @Test
    @Order(7)
    void goToDefinitionOpensTheImportedFileThatDeclaresTheName() throws Exception {
        IWorkbenchPage page = editor.getSite().getPage();
        assertTrue(editor.openDefinitionAt(offsetOf("alloc 1 KERNEL", "alloc 1 ")));
        ReclaimEditor base = (ReclaimEditor) page.getActiveEditor();
        assertEquals("base.reclaim", base.getEditorInput().getName());
        ITextSelection selection = (ITextSelection) base.getSelectionProvider().getSelection();
        assertEquals("KERNEL", selection.getText());
        assertTrue(base.getDocumentProvider().getDocument(base.getEditorInput()).get()
                .startsWith("context KERNEL", selection.getOffset() - "context ".length()));
        page.closeEditor(base, false);
        page.activate(editor);
    }

    @Test
    @Order(8)
    void quickFixRunsTheServingThreadUnderNoioAndTheMarkersFollow() {
        int alloc = offsetOf("alloc 1 KERNEL", "");
        List<ICompletionProposal> fixes = editor.quickFixProcessor().fixesAt(alloc);
        List<String> titles = fixes.stream().map(ICompletionProposal::getDisplayString).toList();
        // In the order of the findings at the allocation: reclaim-recursion's fix first.
        assertEquals(List.of("Allocate with NOIO instead of KERNEL", "Run loop0_worker under scope NOIO"), titles);
        String before = document.get();
        fixes.get(1).apply(document);
        assertEquals(before.replace("thread loop0_worker serves loop0 {", "thread loop0_worker serves loop0 scope NOIO {"),
                document.get());
        // Under NOIO the loop worker no longer reclaims into bufio: only the upward gate is left,
        // and `expect findings` now lists findings that are gone.
        // Markers are replaced as a whole in a workspace operation that another thread may be in
        // the middle of, so wait for the complete new set, not merely for the old marker to go.
        Set<String> expected = Set.of("upward-gate", "expect-findings");
        try {
            Workbench.waitUntil("the markers after the fix", 120, () -> markerRules().equals(expected));
        } finally {
            assertEquals(expected, markerRules());
        }
    }

    private Set<String> markerRules() {
        Set<String> rules = new TreeSet<>();
        markers().forEach(m -> rules.add(m.getAttribute(PolicyMarkers.RULE_ID, "")));
        return rules;
    }

    @Test
    @Order(9)
    void formatDocumentRewritesTheEditorsText() throws Exception {
        IFile messy = file.getProject().getFile("messy.reclaim");
        messy.create(new java.io.ByteArrayInputStream("""
                policy   messy
                permission direct   permission io
                context KERNEL=direct+io
                layer block guarded   by io
                system s { memory 64 pages min 4 low 8 high 12
                block b0 served by w
                thread w serves b0 {
                alloc 1 KERNEL   write b0
                free 1 }
                }
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
        IWorkbenchPage page = editor.getSite().getPage();
        ReclaimEditor other = (ReclaimEditor) IDE.openEditor(page, messy, ReclaimEditor.ID);
        other.format();
        assertEquals("""
                policy messy

                permission direct
                permission io
                context KERNEL = direct + io
                layer block guarded by io

                system s {
                    memory 64 pages min 4 low 8 high 12
                    block b0 served by w
                    thread w serves b0 {
                        alloc 1 KERNEL
                        write b0
                        free 1
                    }
                }
                """, other.getDocumentProvider().getDocument(other.getEditorInput()).get());
        page.closeEditor(other, false);
    }

    @Test
    @Order(10)
    void theNewFileWizardsStarterPolicyChecksClean() throws Exception {
        IFile starter = file.getProject().getFile("starter.reclaim");
        starter.create(new java.io.ByteArrayInputStream(dev.reclaim.eclipse.wizard.StarterPolicy.text("starter")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
        IWorkbenchPage page = editor.getSite().getPage();
        ReclaimEditor opened = (ReclaimEditor) IDE.openEditor(page, starter, ReclaimEditor.ID);
        Workbench.waitUntil("the starter's first check", 120, () -> opened.lastFindingsChecked());
        assertEquals(List.of(), opened.lastFindings());
        assertEquals(0, starter.findMarkers(PolicyMarkers.TYPE, false, IResource.DEPTH_ZERO).length);
        page.closeEditor(opened, false);
    }

    /** A copy of the buggy seed, its markers made by opening it in the editor. */
    private static IFile copyWithMarkers(String name) throws Exception {
        IFile copy = file.getProject().getFile(name);
        copy.create(file.getProject().getFile("seed_2019_buggy.reclaim").getContents(), true, null);
        IWorkbenchPage page = editor.getSite().getPage();
        IDE.openEditor(page, copy, ReclaimEditor.ID);
        Workbench.waitUntil("the markers of " + name, 120, () -> markersOf(copy).size() == CLI_FINDINGS.size());
        return copy;
    }

    private static List<IMarker> markersOf(IFile f) {
        try {
            return Arrays.asList(f.findMarkers(PolicyMarkers.TYPE, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> rulesOf(IFile f) {
        Set<String> rules = new TreeSet<>();
        markersOf(f).forEach(m -> rules.add(m.getAttribute(PolicyMarkers.RULE_ID, "")));
        return rules;
    }

    /** The Problems view's Quick Fix resolutions of {@code f}'s marker of {@code rule}. */
    private static List<IMarkerResolution> resolutions(IFile f, String rule) {
        IMarker marker = markersOf(f).stream().filter(m -> rule.equals(m.getAttribute(PolicyMarkers.RULE_ID, "")))
                .findFirst().orElseThrow();
        assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker), rule);
        return Arrays.asList(IDE.getMarkerHelpRegistry().getResolutions(marker));
    }

    @Test
    @Order(11)
    void problemsViewQuickFixOnAClosedFileRewritesAndSavesItAndItsMarkersFollow() throws Exception {
        IFile closed = copyWithMarkers("closed.reclaim");
        IWorkbenchPage page = editor.getSite().getPage();
        page.closeEditor(page.findEditor(new org.eclipse.ui.part.FileEditorInput(closed)), false);
        List<IMarkerResolution> fixes = resolutions(closed, "io-path-context");
        assertEquals(List.of("Run loop0_worker under scope NOIO", "Allocate with NOIO instead of KERNEL"),
                fixes.stream().map(IMarkerResolution::getLabel).toList());
        String before = new String(closed.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        fixes.get(0).run(markersOf(closed).get(0));
        assertEquals(before.replace("thread loop0_worker serves loop0 {", "thread loop0_worker serves loop0 scope NOIO {"),
                new String(closed.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Set.of("upward-gate", "expect-findings"), rulesOf(closed), "markers recomputed without an editor");
        assertTrue(resolutions(closed, "upward-gate").size() == 1, "the gate's own fix is offered too");
    }

    @Test
    @Order(12)
    void problemsViewQuickFixOnAnOpenFileEditsTheEditorsDocumentUnsaved() throws Exception {
        IFile open = copyWithMarkers("open.reclaim");
        IWorkbenchPage page = editor.getSite().getPage();
        ReclaimEditor opened = (ReclaimEditor) page.findEditor(new org.eclipse.ui.part.FileEditorInput(open));
        IDocument doc = opened.getDocumentProvider().getDocument(opened.getEditorInput());
        String before = doc.get();
        List<IMarkerResolution> fixes = resolutions(open, "io-path-context");
        fixes.get(1).run(markersOf(open).get(0));
        assertEquals(before.replace("alloc 1 KERNEL", "alloc 1 NOIO"), doc.get());
        assertTrue(opened.isDirty(), "left unsaved, as an edit in the editor");
        assertEquals(before, new String(open.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        Workbench.waitUntil("the markers after the fix", 120, () -> !rulesOf(open).contains("io-path-context"));
        page.closeEditor(opened, false);
    }
}
