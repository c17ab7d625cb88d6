package dev.reclaim.dsl.compile;

import java.util.List;

import dev.reclaim.findings.Severity;
import dev.reclaim.model.SystemModel;

/** Everything checking one file found, in a stable order, and the systems it lowered to. */
public record FileReport(String file, List<Reported> findings, List<SystemModel> systems) {
    public FileReport {
        findings = List.copyOf(findings);
        systems = List.copyOf(systems);
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
