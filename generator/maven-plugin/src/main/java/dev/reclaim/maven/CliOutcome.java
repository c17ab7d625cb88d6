package dev.reclaim.maven;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.reclaim.cli.Reclaimc;

/**
 * One in-process run of {@code reclaimc}: the plugin drives the command line rather than the
 * compiler's classes so that a build fails with exactly the diagnostics a user sees in a terminal.
 */
record CliOutcome(int exit, String out, String err) {

    static CliOutcome run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Reclaimc.run(args.toArray(String[]::new), o, e);
        }
        return new CliOutcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    boolean ok() {
        return exit == Reclaimc.OK;
    }

    /** Usage errors and unreadable input are the build's configuration problem, not the policy's. */
    boolean usageError() {
        return exit == Reclaimc.USAGE || exit == Reclaimc.INTERNAL;
    }

    /** Everything the command printed, stdout first, without a trailing newline. */
    String text() {
        String s = out + err;
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
