package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dev.reclaim.analysis.Checker;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.enforce.Instance;
import dev.reclaim.enforce.Mode;
import dev.reclaim.enforce.Policy;
import dev.reclaim.enforce.Reclaim;
import dev.reclaim.enforce.ReclaimViolation;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.gen.model.GenModel;
import dev.reclaim.gen.model.GenModelBuilder;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.sim.HungTaskDump;
import dev.reclaim.sim.Progress;
import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.Simulator;

/**
 * The generated Java for every example under examples/ (recursively): it compiles with
 * {@code -Xlint:all -Werror} against the runtime and JUnit alone; its JUnit 5 tests pass when run
 * with the JUnit Platform Launcher; every system rebuilt by its generated class through the builder
 * API analyses and simulates exactly as the model lowered from the file; the generated facade
 * installs its policy and enforces it; and a wrong expectation in the input makes its generated
 * test fail with the hung-task dump.
 */
class GeneratedCodeTest {
    /** Smaller than simulate's defaults (the generated tests use those): equal runs, quicker. */
    private static final Simulator.Options COMPARE = new Simulator.Options(Simulator.Mode.DEFAULT,
            Simulator.DEFAULT_SEED, 50, Simulator.DEFAULT_STEPS, 200_000, 0, new int[0]);

    @TempDir
    static Path dir;

    private static List<Path> examples;
    private static String diagnostics;
    private static URLClassLoader loader;

    @BeforeAll
    static void generateAndCompile() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("../examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".reclaim")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("generate"));
        examples.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("-o", dir.resolve("main").toString(), "--test-output", dir.resolve("test").toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        diagnostics = GeneratedJava.compile(GeneratedJava.sources(dir.resolve("main"), dir.resolve("test")),
                dir.resolve("classes"));
        loader = GeneratedJava.loader(dir.resolve("classes"));
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    @Test
    void allGeneratedCodeCompilesWithoutWarnings() {
        assertEquals("", diagnostics);
    }

    @Test
    void generatedTestsPassForEveryExample() throws Exception {
        assertEquals("", diagnostics);
        List<String> tests = GeneratedJava.testClasses(dir.resolve("test"));
        int systems = 0;
        for (Path p : examples) {
            systems += ReclaimCompiler.create().check(List.of(p)).get(0).systems().size();
        }
        assertEquals(systems, tests.size(), tests.toString());
        TestExecutionSummary summary = GeneratedJava.runTests(loader, tests);
        assertEquals(0, summary.getTotalFailureCount(), GeneratedJava.failures(summary));
        assertEquals(2L * systems, summary.getTestsSucceededCount(), "every example states expect and findings");
    }

    @Test
    void rebuiltSystemsAnalyseAndSimulateLikeTheLoweredOnes() throws Exception {
        assertEquals("", diagnostics);
        ReclaimCompiler compiler = ReclaimCompiler.create();
        int compared = 0;
        for (Path file : examples) {
            List<FileReport> reports = compiler.check(List.of(file));
            GenModel model = new GenModelBuilder(null).build(reports);
            for (GenModel.PolicyUnit p : model.policies()) {
                for (GenModel.SystemUnit u : p.systems()) {
                    Class<?> c = Class.forName(p.pkg() + "." + u.className(), true, loader);
                    SystemModel rebuilt = (SystemModel) c.getMethod("build").invoke(null);
                    SystemModel lowered = u.model();
                    String where = file + " / " + u.name();
                    assertEquals(findings(lowered), findings(rebuilt), where);
                    assertEquals(simulation(lowered), simulation(rebuilt), where);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 16, "compared " + compared + " systems");
    }

    /** Every judged finding in full, files named by base name (generated positions use it). */
    static String findings(SystemModel s) {
        StringBuilder b = new StringBuilder();
        for (Checker.Judged j : Checker.check(s).findings()) {
            Finding f = j.finding();
            b.append(j.status()).append(' ').append(f.severity()).append('[').append(f.ruleId()).append("] ")
                    .append(pos(f.pos())).append(' ').append(f.message()).append(" | ").append(f.declaration())
                    .append(" | ").append(f.system()).append(" | ").append(j.note()).append('\n');
            for (Related r : f.related()) {
                b.append("    ").append(pos(r.pos())).append(' ').append(r.message()).append('\n');
            }
        }
        return b.toString();
    }

    private static String pos(SourcePos p) {
        if (p == null) {
            return "-";
        }
        String file = p.file().substring(p.file().lastIndexOf('/') + 1);
        return file + ":" + p.line() + ":" + p.column() + "-" + p.endLine() + ":" + p.endColumn();
    }

    /** The verdict, the bound, and for a deadlock its schedule, trace and stacks. */
    private static String simulation(SystemModel s) {
        SimResult r = Simulator.simulate(s, COMPARE, Progress.NONE);
        StringBuilder b = new StringBuilder(HungTaskDump.render(r));
        if (r.found() != null) {
            r.found().trace().forEach(t -> b.append(t.step()).append(' ').append(t.pid()).append(' ')
                    .append(t.statement()).append(' ').append(t.location().replaceAll("^.*/", "")).append(' ')
                    .append(t.free()).append(' ').append(t.note()).append('\n'));
        }
        return b.toString().replaceAll("[^\\s]*/([^/\\s]+\\.reclaim)", "$1");
    }

    @Test
    void generatedFacadeEnforcesThePolicy() throws Exception {
        assertEquals("", diagnostics);
        Class<?> facade = Class.forName("linux.storage.Storage", true, loader);
        Class<?> contexts = Class.forName("linux.storage.StorageContexts", true, loader);
        Class<?> layers = Class.forName("linux.storage.StorageLayers", true, loader);
        int kernel = contexts.getField("KERNEL").getInt(null);
        int nofs = contexts.getField("NOFS").getInt(null);
        int fs = layers.getField("FS").getInt(null);
        int block = layers.getField("BLOCK").getInt(null);
        Policy policy = (Policy) facade.getField("POLICY").get(null);
        assertEquals(policy, Reclaim.policy(), "loading the facade installs its policy");
        assertTrue(policy.isAtOrAbove(fs, block));
        assertEquals(Class.forName("linux.storage.StoragePermissions", true, loader).getField("FS").getInt(null),
                layers.getMethod("guard", int.class).invoke(null, fs));
        assertEquals("NOFS", policy.describe(nofs));
        Method allocating = facade.getMethod("allocating", int.class);
        facade.getMethod("install", Mode.class).invoke(null, Mode.FAIL);
        try {
            Instance xfs = (Instance) facade.getMethod("fs", String.class).invoke(null, "xfs_host");
            assertEquals(fs, xfs.layer());
            try (Reclaim.LayerEntry entered = (Reclaim.LayerEntry) facade.getMethod("enter", Instance.class)
                    .invoke(null, xfs)) {
                int saved = (int) facade.getMethod("save", int.class).invoke(null, nofs);
                try {
                    assertEquals(nofs, allocating.invoke(null, kernel), "KERNEL inside a NOFS scope is NOFS");
                } finally {
                    facade.getMethod("restore", int.class).invoke(null, saved);
                }
                InvocationTargetException e = assertThrows(InvocationTargetException.class,
                        () -> allocating.invoke(null, kernel));
                assertTrue(e.getCause() instanceof ReclaimViolation, e.getCause().toString());
                assertTrue(e.getCause().getMessage().startsWith("layering:"), e.getCause().getMessage());
            }
        } finally {
            facade.getMethod("install", Mode.class).invoke(null, Mode.REPORT);
        }
    }

    @Test
    void aWrongExpectationInTheInputMakesItsGeneratedTestFail(@TempDir Path tmp) throws Exception {
        Path seed = Path.of("../examples/seed");
        Files.copy(seed.resolve("base.reclaim"), tmp.resolve("base.reclaim"));
        String text = Files.readString(seed.resolve("seed_2019_buggy.reclaim"), StandardCharsets.UTF_8);
        assertTrue(text.contains("expect deadlock"));
        Files.writeString(tmp.resolve("wrong.reclaim"), text.replace("expect deadlock", "expect no deadlock"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", tmp.resolve("wrong.reclaim").toString(), "-o", out.toString(), "--package",
                "wrong.expectation");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", GeneratedJava.compile(GeneratedJava.sources(out), tmp.resolve("classes")));
        try (URLClassLoader l = GeneratedJava.loader(tmp.resolve("classes"))) {
            TestExecutionSummary summary = GeneratedJava.runTests(l, GeneratedJava.testClasses(out));
            assertEquals(1, summary.getTotalFailureCount(), GeneratedJava.failures(summary));
            assertEquals(1, summary.getTestsSucceededCount(), "the findings test still passes");
            String message = summary.getFailures().get(0).getException().getMessage();
            assertTrue(message.contains("deadlock but expected no deadlock"), message);
            assertTrue(message.contains("PID: ") && message.contains("COMMAND: \"kswapd0\""), message);
            assertFalse(message.contains("Exception"), message);
        }
    }
}
