package dev.reclaim.dsl.compile;

import java.util.List;

import dev.reclaim.findings.Severity;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Everything checking one file found, in a stable order, the systems it lowered to and its policy
 * (null when the file did not parse far enough to have one).
 */
public record FileReport(String file, List<Reported> findings, List<SystemModel> systems, Policy policy) {
    /**
     * The file's {@code policy} line and the vocabulary visible to it (its own declarations and
     * those of its imports), which the code generator needs even for a file without systems.
     */
    public record Policy(String name, String doc, Vocabulary vocab) {
    }

    public FileReport {
        findings = List.copyOf(findings);
        systems = List.copyOf(systems);
    }

    /** A report without policy information (a file that did not parse, a filtered copy). */
    public FileReport(String file, List<Reported> findings, List<SystemModel> systems) {
        this(file, findings, systems, null);
    }

    public long count(Severity severity, Reported.Status status) {
        return findings.stream()
                .filter(r -> r.finding().severity() == severity && r.status() == status)
                .count();
    }

    public boolean hasActiveErrors() {
        return count(Severity.ERROR, Reported.Status.ACTIVE) > 0;
    }
}
