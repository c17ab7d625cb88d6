package dev.reclaim.eclipse.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import dev.reclaim.dsl.ide.highlighting.ReclaimHighlighting;
import dev.reclaim.eclipse.ReclaimPlugin;

/**
 * Colours the damaged range from the ide module's highlighting (keywords, comments, literals, and
 * the names of layers, contexts, permissions, instances, threads and locks) when the last parse is of
 * the current text; otherwise from {@link LexicalHighlighting}, never parsing on the UI thread.
 */
final class PolicyTokenScanner implements ITokenScanner {

    static final Map<String, TextAttribute> STYLES = Map.of(
            ReclaimHighlighting.KEYWORD, new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD),
            ReclaimHighlighting.COMMENT, new TextAttribute(new Color(63, 127, 95)),
            ReclaimHighlighting.STRING, new TextAttribute(new Color(42, 0, 255)),
            ReclaimHighlighting.NUMBER, new TextAttribute(new Color(125, 125, 125)),
            ReclaimHighlighting.LAYER, new TextAttribute(new Color(0, 102, 153), null, SWT.BOLD),
            ReclaimHighlighting.CONTEXT, new TextAttribute(new Color(153, 76, 0), null, SWT.ITALIC),
            ReclaimHighlighting.PERMISSION, new TextAttribute(new Color(204, 102, 0)),
            ReclaimHighlighting.INSTANCE, new TextAttribute(new Color(0, 128, 128)),
            ReclaimHighlighting.THREAD, new TextAttribute(new Color(102, 51, 153)),
            ReclaimHighlighting.LOCK, new TextAttribute(new Color(170, 0, 0)));

    private record Span(int offset, int length, IToken token) {
    }

    private final ReclaimEditor editor;
    private final List<Span> spans = new ArrayList<>();
    private int next;
    private int position;
    private int end;
    private int tokenOffset;
    private int tokenLength;

    PolicyTokenScanner(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public void setRange(IDocument document, int offset, int length) {
        spans.clear();
        next = 0;
        position = offset;
        end = offset + length;
        var policy = editor.policy();
        if (policy == null) {
            return;
        }
        String text = document.get();
        var snapshot = policy.current(); // never policy.snapshot(): the document is locked here
        if (snapshot != null && snapshot.text().equals(text)) {
            ReclaimPlugin.injector().getInstance(ReclaimHighlighting.class).provideHighlightingFor(
                    snapshot.resource(), (o, l, ids) -> {
                        if (ids.length > 0) {
                            add(o, l, ids[0], offset);
                        }
                    }, null);
        } else {
            // Not parsed yet, or changed since: the reconciler parses in the background, then repaints.
            LexicalHighlighting.scan(text, end, LexicalHighlighting.keywords(), (o, l, style) -> add(o, l, style, offset));
        }
        spans.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    }

    private void add(int o, int l, String style, int offset) {
        if (o + l > offset && o < end && STYLES.containsKey(style)) {
            int from = Math.max(o, offset);
            spans.add(new Span(from, Math.min(o + l, end) - from, new Token(STYLES.get(style))));
        }
    }

    @Override
    public IToken nextToken() {
        if (position >= end) {
            return Token.EOF;
        }
        while (next < spans.size() && spans.get(next).offset() < position) {
            next++;
        }
        tokenOffset = position;
        if (next < spans.size() && spans.get(next).offset() == position) {
            Span span = spans.get(next++);
            tokenLength = span.length();
            position += tokenLength;
            return span.token();
        }
        int gapEnd = next < spans.size() ? spans.get(next).offset() : end;
        tokenLength = gapEnd - position;
        position = gapEnd;
        return Token.UNDEFINED;
    }

    @Override
    public int getTokenOffset() {
        return tokenOffset;
    }

    @Override
    public int getTokenLength() {
        return tokenLength;
    }
}
