package dev.reclaim.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

import dev.reclaim.eclipse.editor.ReclaimEditor;

/**
 * The editor while typing, on scratch policies in a real workbench: indentation by brace depth,
 * toggle comment, brace matching, Mark Occurrences, and colouring without a parse on the UI thread.
 */
class TypingUiTest {

    /** A scratch policy open in its own editor, for the typing aids. */
    private static ReclaimEditor scratch(String name, String text) throws Exception {
        IFile f = Workbench.seedProject().getFile(name);
        f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return (ReclaimEditor) IDE.openEditor(page, f, ReclaimEditor.ID);
    }

    /**
     * Types {@code text} at {@code offset} one character at a time through the text widget, so that
     * the viewer's auto-edit strategies see each as a keystroke; the caret follows the inserted text
     * unless a strategy placed it.
     */
    private static void type(ReclaimEditor e, int offset, String text) {
        StyledText w = e.viewer().getTextWidget();
        w.setSelection(offset);
        for (char ch : text.toCharArray()) {
            int before = w.getCaretOffset();
            int length = w.getCharCount();
            w.insert(String.valueOf(ch));
            if (w.getCaretOffset() == before) {
                w.setSelection(before + w.getCharCount() - length);
            }
        }
    }

    private static final String TYPING = """
            policy typing
            permission direct
            context KERNEL = direct
            layer block guarded by direct
            system s {
                memory 64 pages min 4 low 8 high 12
            }
            """;

    @Test
    void typingANewLineIndentsByBraceDepthAndAClosingBraceDedents() throws Exception {
        ReclaimEditor e = scratch("typing.reclaim", TYPING);
        IDocument doc = e.getDocumentProvider().getDocument(e.getEditorInput());
        type(e, doc.get().indexOf("12") + 2, "\nthread t task {\nalloc 1 KERNEL\n}");
        assertEquals(TYPING.replace("high 12\n", "high 12\n    thread t task {\n        alloc 1 KERNEL\n    }\n"), doc.get());
        type(e, doc.get().indexOf("KERNEL\n") + 6, " {}");
        type(e, doc.get().indexOf("{}") + 1, "\n");
        assertEquals(TYPING.replace("high 12\n", "high 12\n    thread t task {\n        alloc 1 KERNEL {\n            \n        }\n    }\n"),
                doc.get(), "a line break between braces puts the closing one on its own line");
        assertEquals(doc.get().indexOf("{\n            \n") + 14, e.viewer().getTextWidget().getCaretOffset(),
                "the caret waits on the indented empty line");
        e.getSite().getPage().closeEditor(e, false);
    }

    @Test
    void toggleCommentCommentsTheSelectedLinesAtTheirIndentationAndBack() throws Exception {
        ReclaimEditor e = scratch("comment.reclaim", TYPING);
        IDocument doc = e.getDocumentProvider().getDocument(e.getEditorInput());
        int from = doc.get().indexOf("system s");
        int to = doc.get().indexOf("    memory");
        e.selectAndReveal(from, to + 4 - from);
        e.toggleComment();
        assertEquals(TYPING.replace("system s {\n    memory", "// system s {\n//     memory"), doc.get(),
                "two lines of different indentation: commented at the smaller");
        e.selectAndReveal(doc.get().indexOf("// system"), doc.get().indexOf("//     memory") + 3 - doc.get().indexOf("// system"));
        e.toggleComment();
        assertEquals(TYPING, doc.get());
        e.getSite().getPage().closeEditor(e, false);
    }

    @Test
    void theBraceMatcherPairsASystemsBracesAndSkipsBracesInComments() throws Exception {
        ReclaimEditor e = scratch("braces.reclaim", TYPING.replace("    memory", "    /** a { in a comment */\n    memory"));
        IDocument doc = e.getDocumentProvider().getDocument(e.getEditorInput());
        int open = doc.get().indexOf("s {") + 2;
        int close = doc.get().lastIndexOf('}');
        var fromOpen = e.braceMatcher().match(doc, open + 1);
        assertNotNull(fromOpen, "the caret after the system's opening brace");
        assertEquals(List.of(open, close + 1), List.of(fromOpen.getOffset(), fromOpen.getOffset() + fromOpen.getLength()));
        var fromClose = e.braceMatcher().match(doc, close + 1);
        assertNotNull(fromClose, "the caret after the closing brace");
        assertEquals(List.of(open, close + 1), List.of(fromClose.getOffset(), fromClose.getOffset() + fromClose.getLength()));
        assertEquals(null, e.braceMatcher().match(doc, doc.get().indexOf("a {") + 3), "a brace in a comment pairs with nothing");
        e.getSite().getPage().closeEditor(e, false);
    }

    @Test
    void markOccurrencesHighlightsEveryUseOfTheNameAtTheCaretAndNothingOffAName() throws Exception {
        ReclaimEditor e = scratch("occurrences.reclaim", """
                policy occurrences
                permission direct
                context KERNEL = direct
                layer block guarded by direct
                system s {
                    memory 64 pages min 4 low 8 high 12
                    block b0
                    mutex m in b0
                    thread t task { lock m alloc 1 KERNEL unlock m }
                }
                """);
        IDocument doc = e.getDocumentProvider().getDocument(e.getEditorInput());
        String text = doc.get();
        List<Integer> uses = List.of(text.indexOf("mutex m") + 6, text.indexOf("{ lock m") + 7, text.indexOf("unlock m") + 7);
        e.selectAndReveal(uses.get(2), 0);
        Workbench.waitUntil("the occurrences of m", 60, () -> e.markedOccurrences().size() == uses.size());
        assertEquals(uses, e.markedOccurrences().stream().map(Position::getOffset).toList());
        assertTrue(e.markedOccurrences().stream().allMatch(p -> p.getLength() == 1));
        assertEquals(uses, e.occurrencesAt(uses.get(0)).stream().map(Position::getOffset).toList(),
                "on the declared name too");
        int keyword = text.indexOf("memory") + 2;
        assertEquals(List.of(), e.occurrencesAt(keyword).stream().map(p -> p.getOffset() + "+" + p.getLength()).toList());
        e.selectAndReveal(keyword, 0);
        Workbench.waitUntil("no occurrences on a keyword", 60, () -> e.markedOccurrences().isEmpty());
        e.getSite().getPage().closeEditor(e, false);
    }

    private static RGB colourAt(ReclaimEditor e, int offset) {
        var range = e.viewer().getTextWidget().getStyleRangeAtOffset(offset);
        return range == null || range.foreground == null ? null : range.foreground.getRGB();
    }

    @Test
    void typingColoursKeywordsAtOnceWithoutParsingOnTheUiThreadAndNamesAfterTheReconcile() throws Exception {
        ReclaimEditor e = scratch("colours.reclaim", TYPING);
        Workbench.waitUntil("the first check", 120, e::lastFindingsChecked);
        IDocument doc = e.getDocumentProvider().getDocument(e.getEditorInput());
        int parses = e.policy().uiParses();
        type(e, doc.get().indexOf("12") + 2, "\nthread w task { alloc 1 KERNEL } // typed");
        String text = doc.get();
        var keyword = new RGB(127, 0, 85);
        var comment = new RGB(63, 127, 95);
        var context = new RGB(153, 76, 0);
        assertEquals(List.of(keyword, keyword, comment), List.of(colourAt(e, text.indexOf("thread w")),
                colourAt(e, text.indexOf("alloc 1")), colourAt(e, text.indexOf("// typed"))), "coloured as typed");
        assertEquals(parses, e.policy().uiParses(), "no parse on the UI thread while typing");
        int kernel = text.indexOf("KERNEL }");
        Workbench.waitUntil("the context's colour after the reconcile", 120, () -> context.equals(colourAt(e, kernel)));
        assertEquals(parses, e.policy().uiParses(), "the reconciler parsed, not the UI thread");
        e.getSite().getPage().closeEditor(e, false);
    }
}
