package dev.reclaim.testing;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.model.SourcePos;

/** The lexer of {@link TestSystems}: names, numbers, strings and one-character punctuation. */
final class Tokens {
    record Token(String text, SourcePos pos) {}

    private Tokens() {
    }

    static List<Token> lex(String text, String file) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int col = 1;
        int k = 0;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (c == '\n') {
                line++;
                col = 1;
                k++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                k++;
                col++;
                continue;
            }
            if (c == '/' && k + 1 < text.length() && text.charAt(k + 1) == '/') {
                while (k < text.length() && text.charAt(k) != '\n') {
                    k++;
                }
                continue;
            }
            int start = k;
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
                    k++;
                }
            } else if (c == '"') {
                k++;
                while (text.charAt(k) != '"') {
                    k++;
                }
                k++;
            } else {
                k++;
            }
            String tok = text.substring(start, k);
            out.add(new Token(tok, new SourcePos(file, line, col, line, col + tok.length())));
            col += tok.length();
        }
        return out;
    }
}
