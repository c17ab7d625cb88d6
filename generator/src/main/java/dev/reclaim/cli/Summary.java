package dev.reclaim.cli;

import java.util.List;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Severity;

/** Counts over all checked files; {@code failed} decides the exit status. */
record Summary(int files, int systems, long errors, long warnings, long notes, long expected, long waived,
        long baselined) {

    static Summary of(List<FileReport> reports) {
        long errors = 0;
        long warnings = 0;
        long notes = 0;
        long expected = 0;
        long waived = 0;
        long baselined = 0;
        int systems = 0;
        for (FileReport r : reports) {
            systems += r.systems().size();
            for (Reported f : r.findings()) {
                switch (f.status()) {
                    case EXPECTED -> expected++;
                    case WAIVED -> waived++;
                    case BASELINED -> baselined++;
                    case ACTIVE -> {
                        if (f.finding().severity() == Severity.ERROR) {
                            errors++;
                        } else if (f.finding().severity() == Severity.WARNING) {
                            warnings++;
                        } else {
                            notes++;
                        }
                    }
                }
            }
        }
        return new Summary(reports.size(), systems, errors, warnings, notes, expected, waived, baselined);
    }

    boolean failed() {
        return errors > 0;
    }

    String line() {
        return "checked " + plural(files, "file") + ", " + plural(systems, "system") + ": " + plural(errors, "error")
                + ", " + plural(warnings, "warning") + ", " + plural(notes, "note") + " (" + expected + " expected, "
                + waived + " waived" + (baselined > 0 ? ", " + baselined + " baselined" : "") + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
