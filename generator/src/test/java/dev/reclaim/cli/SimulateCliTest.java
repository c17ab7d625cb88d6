package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reclaimc simulate}: exit statuses, mode selection, exact replays, and a clean stdout. */
class SimulateCliTest {
    private static final String BUGGY = "../examples/seed/seed_2019_buggy.reclaim";
    private static final String TRYLOCK = "../examples/seed/seed_2019_trylock.reclaim";

    @TempDir
    Path dir;

    private Path policy(String name, String systems) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                policy t
                permission direct
                permission fs
                context KERNEL = direct + fs
                layer fs guarded by fs
                layer device below fs
                """ + systems, StandardCharsets.UTF_8);
        return f;
    }

    private static String line(String out, String prefix) {
        return Arrays.stream(out.split("\n")).map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in\n" + out));
    }

    /** The command of a "replay:" line, as arguments after "reclaimc". */
    private static String[] replayArgs(String out, String prefix) {
        String cmd = line(out, prefix).substring(prefix.length()).strip();
        assertTrue(cmd.startsWith("reclaimc simulate "), cmd);
        return cmd.substring("reclaimc ".length()).split(" ");
    }

    private static String stacks(String out) {
        return out.substring(out.indexOf("PID: "), out.indexOf("simulated "));
    }

    @Test
    void exitZeroWhenEveryExpectIsMet() {
        CliRun r = CliRun.of("simulate", BUGGY);
        assertEquals(Reclaimc.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("system seed_2019_buggy: deadlock as expected\n"), r.out());
        assertEquals("", r.err(), "no progress line for a short run");
    }

    @Test
    void exitOneWhenAnExpectIsNotMet() throws IOException {
        Path f = policy("wrong.reclaim", """
                system wrong {
                    expect no deadlock
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  lock m  unlock m  unlock m }
                }
                system right {
                    expect no deadlock
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  unlock m }
                }
                """);
        CliRun r = CliRun.of("simulate", f.toString());
        assertEquals(Reclaimc.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("system wrong: deadlock but expected no deadlock"), r.out());
        assertTrue(r.out().contains("system right: no deadlock as expected"), r.out());
        assertTrue(r.out().contains("deadlock (self-wait): a waits for m, held by a (itself)"), r.out());
        assertEquals(Reclaimc.OK, CliRun.of("simulate", f.toString(), "--system", "right").exit());
    }

    @Test
    void aSystemWithStaticErrorsIsStillSimulated() throws IOException {
        Path f = policy("broken.reclaim", """
                system broken {
                    expect deadlock
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  lock nosuch  lock m }
                }
                """);
        assertEquals(Reclaimc.FINDINGS, CliRun.of("check", f.toString()).exit(), "the checker reports errors");
        CliRun r = CliRun.of("simulate", f.toString());
        assertEquals(Reclaimc.OK, r.exit(), r.out() + r.err());
    }

    @Test
    void usageAndInputErrorsExitTwoWithOneLineOnStderr() throws IOException {
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] { "simulate", dir.resolve("missing.reclaim").toString() });
        bad.add(new String[] { "simulate", BUGGY, "--system", "nosuch" });
        bad.add(new String[] { "simulate", BUGGY, "--schedule", "1,9" });
        bad.add(new String[] { "simulate", BUGGY, "--exhaustive", "--seed", "3" });
        bad.add(new String[] { "simulate", BUGGY, "--schedule", "1", "--exhaustive" });
        bad.add(new String[] { "simulate", BUGGY, "--runs", "0" });
        bad.add(new String[] { "simulate", BUGGY, "--depth", "-1" });
        bad.add(new String[] { "simulate", BUGGY, "--format", "xml" });
        bad.add(new String[] { "simulate", "../examples/seed/base.reclaim" });
        bad.add(new String[] { "simulate" });
        for (String[] args : bad) {
            CliRun r = CliRun.of(args);
            assertEquals(Reclaimc.USAGE, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().startsWith("reclaimc: error: "), r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
    }

    @Test
    void theScheduleReplayReproducesTheDeadlockExactly() {
        CliRun first = CliRun.of("simulate", BUGGY);
        CliRun replay = CliRun.of(replayArgs(first.out(), "replay:"));
        assertEquals(Reclaimc.OK, replay.exit(), replay.err());
        assertTrue(replay.out().contains("schedule: deadlock after 38 steps"), replay.out());
        assertEquals(stacks(first.out()), stacks(replay.out()));
    }

    @Test
    void theSeedReplayReproducesTheRandomRun() {
        CliRun first = CliRun.of("simulate", TRYLOCK);
        String[] args = replayArgs(first.out(), "replay the random run:");
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(Reclaimc.OK, a.exit(), a.err());
        assertTrue(a.out().contains("random: deadlock in run 1 of 1"), a.out());
        assertEquals(a.out(), b.out(), "same seed, same run");
        assertTrue(line(a.out(), "random:").contains("at step " + line(first.out(), "random:").replaceAll(
                ".* at step (\\d+) .*", "$1") + " "), a.out());
    }

    @Test
    void modesCanBeSelected() {
        CliRun ex = CliRun.of("simulate", BUGGY, "--exhaustive", "--max-states", "100000", "--depth", "60");
        assertTrue(ex.out().contains("exhaustive: deadlock at depth 38"), ex.out());
        assertFalse(ex.out().contains("  random:"), ex.out());
        CliRun rnd = CliRun.of("simulate", BUGGY, "--seed", "5", "--runs", "50", "--steps", "500");
        assertFalse(rnd.out().contains("  exhaustive:"), rnd.out());
        assertTrue(rnd.out().contains("trace ("), rnd.out());
        CliRun bounded = CliRun.of("simulate", BUGGY, "--exhaustive", "--depth", "10");
        assertEquals(Reclaimc.FINDINGS, bounded.exit(), "no deadlock within 10 steps, but one is expected");
        assertTrue(bounded.out().contains("exhaustive: no deadlock within bound 2000000 states, depth 10"),
                bounded.out());
    }

    @Test
    void jsonCarriesTheSameContent() {
        CliRun r = CliRun.of("simulate", "--format", "json", BUGGY);
        assertEquals(Reclaimc.OK, r.exit());
        String out = r.out();
        assertTrue(out.startsWith("{\n  \"version\": 1,"), out);
        for (String s : List.of("\"verdict\": \"deadlock\"", "\"met\": true", "\"kind\": \"lock/IO cycle\"",
                "\"foundBy\": \"exhaustive\"", "\"command\": \"kswapd0\"", "\"label\": \"direct reclaim\"",
                "\"note\": \"alloc 1 KERNEL, effective KERNEL\"", "\"replay\": \"reclaimc simulate " + BUGGY)) {
            assertTrue(out.contains(s), s);
        }
    }
}
