package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.model.SystemModel;
import dev.reclaim.sim.Progress;
import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.Simulator;

/**
 * Every system in examples/ reaches its expect in each mode on its own with the default bounds
 * (LANGUAGE.md §4 rule 10 needs either for a deadlock and both for none), and {@code reclaimc
 * simulate} on each file exits 0. Paths resolve from the generator module as ../examples.
 */
class SimulateExamplesTest {
    private static ReclaimCompiler compiler;

    @BeforeAll
    static void setUp() {
        compiler = ReclaimCompiler.create();
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("../examples"))) {
            return s.filter(p -> p.toString().endsWith(".reclaim")).sorted().toList().stream();
        }
    }

    private static List<SystemModel> systems(Path file) throws ReclaimCompiler.InputException {
        FileReport r = compiler.check(List.of(file)).get(0);
        return r.systems();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachSystemMeetsItsExpectInBothModes(Path file) throws Exception {
        for (SystemModel sys : systems(file)) {
            assertNotNull(sys.expect(), sys.name() + " states no expect");
            boolean expectDeadlock = sys.expect().deadlock();
            for (Simulator.Mode mode : List.of(Simulator.Mode.EXHAUSTIVE, Simulator.Mode.RANDOM)) {
                SimResult r = Simulator.simulate(sys, Simulator.Options.defaults().with(mode), Progress.NONE);
                assertEquals(expectDeadlock, r.deadlock(), sys.name() + " in " + mode + ": " + r.bound());
                if (expectDeadlock) {
                    assertFalse(r.found().stacks().isEmpty());
                    assertFalse(r.found().trace().isEmpty());
                } else if (mode == Simulator.Mode.EXHAUSTIVE) {
                    assertTrue(r.exhaustive().complete() || r.exhaustive().states() >= Simulator.DEFAULT_MAX_STATES,
                            r.bound());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theCommandLineAgrees(Path file) throws Exception {
        if (systems(file).isEmpty()) {
            CliRun r = CliRun.of("simulate", file.toString());
            assertEquals(Reclaimc.USAGE, r.exit(), "a file without systems: " + r.err());
            return;
        }
        CliRun r = CliRun.of("simulate", file.toString());
        assertEquals(Reclaimc.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" as expected, 0 not as expected"), r.out());
    }
}
