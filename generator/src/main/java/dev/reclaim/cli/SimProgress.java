package dev.reclaim.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.reclaim.sim.Progress;

/**
 * The stderr status line of a long simulation: nothing during the first second; then, on a
 * terminal, one line rewritten in place; otherwise a plain line about every two seconds (so logs
 * stay readable). Never on stdout, which carries the report.
 */
final class SimProgress implements Progress, AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long LOG_EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String system;
    private final boolean terminal = System.console() != null;
    private long lastLine;
    private boolean open;

    SimProgress(PrintWriter err, String system) {
        this.err = err;
        this.system = system;
    }

    @Override
    public void report(String mode, long done, double rate, long queue, long elapsed) {
        if (elapsed < QUIET_NANOS) {
            return;
        }
        if (!terminal && lastLine != 0 && elapsed - lastLine < LOG_EVERY_NANOS) {
            return;
        }
        lastLine = elapsed;
        String unit = mode.equals("exhaustive") ? "states" : "steps";
        String line = String.format(Locale.ROOT, "simulate %s: %s %,d %s (%,.0f %s/s%s) %.1fs", system, mode, done, unit,
                rate, unit, mode.equals("exhaustive") ? String.format(Locale.ROOT, ", queue %,d", queue) : "",
                elapsed / 1e9);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            open = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void close() {
        if (open) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
