package dev.reclaim.eclipse.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import dev.reclaim.dsl.ide.highlighting.ReclaimHighlighting;
import dev.reclaim.eclipse.ReclaimPlugin;

/**
 * The colours that need no parse: keywords, comments, strings and numbers, found by scanning the
 * text. While the text has changed since the last parse, the editor colours with these alone, so
 * typing never waits for a parse on the UI thread; names get their colours when the reconciler has
 * parsed the new text in the background.
 */
final class LexicalHighlighting {
    /** Receives one classified range. */
    interface Acceptor {
        void accept(int offset, int length, String style);
    }

    private static volatile Set<String> keywords;

    private LexicalHighlighting() {
    }

    /** The grammar's word keywords (punctuation is not coloured). */
    static Set<String> keywords() {
        Set<String> k = keywords;
        if (k == null) {
            k = new TreeSet<>();
            for (String w : GrammarUtil.getAllKeywords(
                    ReclaimPlugin.injector().getInstance(IGrammarAccess.class).getGrammar())) {
                if (Character.isLetter(w.charAt(0))) {
                    k.add(w);
                }
            }
            keywords = k;
        }
        return k;
    }

    /** Classifies {@code text} from its start (so a comment opened earlier is seen) up to {@code end}. */
    static void scan(String text, int end, Set<String> keywords, Acceptor out) {
        int i = 0;
        int n = Math.min(end, text.length());
        while (i < n) {
            char ch = text.charAt(i);
            int start = i;
            if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol;
                out.accept(start, i - start, ReclaimHighlighting.COMMENT);
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
                out.accept(start, i - start, ReclaimHighlighting.COMMENT);
            } else if (ch == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(text.length(), i + 1);
                out.accept(start, i - start, ReclaimHighlighting.STRING);
            } else if (Character.isLetter(ch) || ch == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                if (keywords.contains(text.substring(start, i))) {
                    out.accept(start, i - start, ReclaimHighlighting.KEYWORD);
                }
            } else if (Character.isDigit(ch)) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                out.accept(start, i - start, ReclaimHighlighting.NUMBER);
            } else {
                i++;
            }
        }
    }
}
