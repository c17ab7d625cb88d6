package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress display with an injected clock and terminal flag: exact text, cadence, silence. */
class SimProgressTest {
    private static final long S = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock implements java.util.function.LongSupplier {
        long now = 5 * S;

        @Override
        public long getAsLong() {
            return now;
        }
    }

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);
    private final Clock clock = new Clock();

    @Test
    void terminalRedrawsOneLineWithABar() {
        try (SimProgress p = new SimProgress(err, "seed", true, 200_000, 400_000, clock)) {
            clock.now += S / 2;
            p.report("exhaustive", 10_000, 20_000, 300, S / 2);
            assertEquals("", text.toString(), "quiet during the first second");
            clock.now += S;
            p.report("exhaustive", 50_000, 33_333.4, 1_234, 3 * S / 2);
            clock.now += S / 5;
            p.report("random", 100_000, 250_000, 0, S / 5);
        }
        assertEquals("\rsimulate seed: exhaustive [######------------------]  25% 50,000/200,000 states, "
                + "33,333 states/s, queue 1,234, 1.5s\u001b[K"
                + "\rsimulate seed: random [######------------------]  25% 100,000/400,000 steps, 250,000 steps/s, 1.7s"
                + "\u001b[K"
                + "\r\u001b[K", text.toString());
    }

    @Test
    void logGetsAPlainLineEveryTwoSeconds() {
        try (SimProgress p = new SimProgress(err, "s", false, 1_000, 2_000, clock)) {
            clock.now += S;
            p.report("exhaustive", 100, 100, 7, S);
            clock.now += S;
            p.report("exhaustive", 200, 100, 9, 2 * S);
            clock.now += S;
            p.report("exhaustive", 1_500, 500, 0, 3 * S);
        }
        assertEquals("simulate s: exhaustive  10% 100/1,000 states, 100 states/s, queue 7, 1.0s\n"
                + "simulate s: exhaustive 100% 1,500/1,000 states, 500 states/s, queue 0, 3.0s\n", text.toString(),
                "the line at 2.0s is skipped; nothing to clear at the end; past the bound shows 100%");
    }

    @Test
    void nothingWhenNeverReported() {
        new SimProgress(err, "s", true, 1, 1, clock).close();
        assertEquals("", text.toString());
    }

    @Test
    void barCells() {
        assertEquals("[------------------------]", SimProgress.bar(0, 10));
        assertEquals("[############------------]", SimProgress.bar(5, 10));
        assertEquals("[########################]", SimProgress.bar(99, 10));
    }

    @Test
    void machineFormatsAndQuietPrintNothingOnStderr() {
        CliRun json = CliRun.of("simulate", "../examples/seed/seed_2019_noio_fix.reclaim", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        assertEquals("", json.err());
        CliRun quiet = CliRun.of("simulate", "../examples/seed/seed_2019_noio_fix.reclaim", "--quiet");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
    }
}
