package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl;
import dev.reclaim.model.SourcePos;

/**
 * Collects findings and hands them back in a stable order: by the declaration each is declared
 * on (source order), then by rule ({@link Rule} order), then in the order the rule produced them.
 */
final class FindingSink {
    private record Entry(int decl, int rule, int seq, Finding finding) {
    }

    private final Facts facts;
    private final List<Entry> entries = new ArrayList<>();

    FindingSink(Facts facts) {
        this.facts = facts;
    }

    void add(Rule rule, Decl on, String message, SourcePos pos, List<Related> related) {
        Finding f = new Finding(rule, message, pos == null ? on.pos() : pos, related, facts.path(on),
                facts.sys().name());
        entries.add(new Entry(facts.order(on), rule.ordinal(), entries.size(), f));
    }

    List<Finding> sorted() {
        List<Entry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingInt(Entry::decl).thenComparingInt(Entry::rule).thenComparingInt(Entry::seq));
        List<Finding> out = new ArrayList<>(copy.size());
        for (Entry e : copy) {
            out.add(e.finding());
        }
        return out;
    }
}
