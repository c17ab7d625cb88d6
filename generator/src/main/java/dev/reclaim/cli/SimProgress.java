package dev.reclaim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.reclaim.sim.Progress;

/**
 * The stderr status of a long simulation, never on stdout (which carries the report). Nothing
 * during the first second. Then on a terminal one line redrawn in place with {@code \r}: a bar of
 * the search's bound, the count, the rate and the time since the system's simulation started;
 * otherwise (a log, CI) the same without the bar as a plain line at most every two seconds. The
 * bound is the exhaustive search's {@code --max-states}, or {@code --runs} x {@code --steps} for
 * random mode (runs that end early leave the bar short of full: it is an upper bound).
 * The terminal flag and the clock are injected so that tests can pin the exact text.
 */
final class SimProgress implements Progress, AutoCloseable {
    static final long QUIET_NANOS = 1_000_000_000L;
    static final long LOG_EVERY_NANOS = 2_000_000_000L;
    static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String system;
    private final boolean terminal;
    private final long maxStates;
    private final long randomSteps;
    private final LongSupplier clock;
    private final long start;
    private long lastLine = -1;
    private boolean open;

    /** {@code maxStates}: exhaustive bound; {@code randomSteps}: runs x steps of random mode. */
    SimProgress(PrintWriter err, String system, boolean terminal, long maxStates, long randomSteps,
                LongSupplier clock) {
        this.err = err;
        this.system = system;
        this.terminal = terminal;
        this.maxStates = maxStates;
        this.randomSteps = randomSteps;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public void report(String mode, long done, double rate, long queue, long searchElapsed) {
        long elapsed = clock.getAsLong() - start;
        if (elapsed < QUIET_NANOS) {
            return;
        }
        if (!terminal && lastLine >= 0 && elapsed - lastLine < LOG_EVERY_NANOS) {
            return;
        }
        lastLine = elapsed;
        boolean exhaustive = mode.equals("exhaustive");
        String unit = exhaustive ? "states" : "steps";
        long total = Math.max(1, exhaustive ? maxStates : randomSteps);
        int percent = (int) Math.min(100, done * 100 / total);
        String counts = String.format(Locale.ROOT, "%3d%% %,d/%,d %s, %,.0f %s/s%s, %.1fs", percent, done, total, unit,
                rate, unit, exhaustive ? String.format(Locale.ROOT, ", queue %,d", queue) : "", elapsed / 1e9);
        if (terminal) {
            err.print("\rsimulate " + system + ": " + mode + " " + bar(done, total) + " " + counts + "\u001b[K");
            open = true;
        } else {
            err.println("simulate " + system + ": " + mode + " " + counts);
        }
        err.flush();
    }

    /** {@code [#####-------]}: the share of the bound done, in whole cells. */
    static String bar(long done, long total) {
        int full = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / Math.max(1, total));
        return "[" + "#".repeat(full) + "-".repeat(BAR_WIDTH - full) + "]";
    }

    /** Clears the status line on a terminal, so the report starts on a clean line. */
    @Override
    public void close() {
        if (open) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    /**
     * Whether stderr is a terminal. Java 17 can only ask about the console (stdin and stdout), so
     * on Linux the descriptor's target is read: a pseudo-terminal or a tty. TERM=dumb counts as none.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
