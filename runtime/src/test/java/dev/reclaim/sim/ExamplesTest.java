package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example system reaches its expect in each mode on its own (the generator's tests do the
 * same through the real front end and the command line).
 */
class ExamplesTest {
    static Stream<String[]> systems() {
        return Arrays.stream(Examples.ALL);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("systems")
    void exhaustive(String file, String system, String expect) {
        SimResult r = new Harness(ExampleSystems.load(file, system)).simulate(Simulator.Mode.EXHAUSTIVE);
        assertEquals(expect, r.deadlock() ? "deadlock" : "no deadlock", r.bound());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("systems")
    void random(String file, String system, String expect) {
        SimResult r = new Harness(ExampleSystems.load(file, system)).simulate(Simulator.Mode.RANDOM);
        assertEquals(expect, r.deadlock() ? "deadlock" : "no deadlock", r.bound());
    }
}
