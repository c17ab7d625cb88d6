package dev.reclaim.dsl.ide.quickfix;

import java.util.List;

/**
 * One quick fix, free of any editor API: a title and text replacements (offsets in the
 * document). The language server and the Eclipse editor each turn it into their own edit.
 */
public record Fix(String ruleId, String title, List<Replacement> replacements) {
    public Fix {
        replacements = List.copyOf(replacements);
    }

    public record Replacement(int offset, int length, String text) {
    }

    /** Applies the replacements to {@code text}; they must not overlap. */
    public String applyTo(String text) {
        StringBuilder out = new StringBuilder(text);
        replacements.stream().sorted((a, b) -> Integer.compare(b.offset(), a.offset()))
                .forEach(r -> out.replace(r.offset(), r.offset() + r.length(), r.text()));
        return out.toString();
    }
}
