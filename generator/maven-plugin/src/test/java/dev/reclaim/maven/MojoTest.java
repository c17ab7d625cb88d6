package dev.reclaim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives each goal as Maven would (fields set, {@code execute()} called) on copies of the seed
 * example, and pins how findings, wrong verdicts and bad configuration reach the build.
 */
class MojoTest {
    private static final Path SEED = Path.of("../../examples/seed");

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void copySeed() throws IOException {
        for (String f : List.of("base.reclaim", "seed_2019_buggy.reclaim", "seed_2019_noio_fix.reclaim")) {
            Files.copy(SEED.resolve(f), dir.resolve(f));
        }
    }

    private <M extends AbstractReclaimMojo> M configure(M mojo) {
        mojo.sourceDirectory = dir.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        return mojo;
    }

    /** Drops the buggy system's 'expect findings', so its findings become active errors. */
    private void unexpectFindings() throws IOException {
        Path buggy = dir.resolve("seed_2019_buggy.reclaim");
        String text = Files.readString(buggy, StandardCharsets.UTF_8);
        Files.writeString(buggy, text.replaceFirst("(?m)^\\s*expect findings .*$", ""), StandardCharsets.UTF_8);
    }

    @Test
    void checkPassesWhenEveryFindingIsExpected() throws Exception {
        configure(new CheckMojo()).execute();
        assertTrue(logged.stream().anyMatch(l -> l.contains("expected")), () -> String.join("\n", logged));
    }

    @Test
    void checkFailsTheBuildWithTheCheckersDiagnostics() throws Exception {
        unexpectFindings();
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> configure(new CheckMojo()).execute());
        assertTrue(e.getMessage().startsWith("reclaim:check failed:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("error[reclaim-cycle]: kswapd0 holds bufio_lock and waits for IO on thin0"
                + " (served by loop0_worker)"), e.getMessage());
        assertTrue(e.getMessage().contains("seed_2019_buggy.reclaim:"), e.getMessage());
    }

    @Test
    void checkWritesSarifAndJUnitReportsEvenWhenItFails() throws Exception {
        unexpectFindings();
        CheckMojo mojo = configure(new CheckMojo());
        mojo.sarifFile = dir.resolve("out/check.sarif").toFile();
        mojo.junitFile = dir.resolve("out/check.xml").toFile();
        assertThrows(MojoFailureException.class, mojo::execute);
        String sarif = Files.readString(mojo.sarifFile.toPath());
        assertTrue(sarif.contains("\"version\": \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""), sarif);
        assertTrue(sarif.contains("reclaim-cycle"));
        String junit = Files.readString(mojo.junitFile.toPath());
        assertTrue(junit.startsWith("<?xml"), junit);
        assertTrue(junit.contains("<failure"), junit);
    }

    @Test
    void baselineAcceptsKnownFindingsAndStrictModeFailsOnFixedOnes() throws Exception {
        unexpectFindings();
        File baseline = dir.resolve("reclaim-baseline.json").toFile();
        CheckMojo update = configure(new CheckMojo());
        update.baseline = baseline;
        update.updateBaseline = true;
        update.execute();
        assertTrue(baseline.isFile());

        CheckMojo withBaseline = configure(new CheckMojo());
        withBaseline.baseline = baseline;
        withBaseline.execute();

        // The buggy system goes away: its baseline entries are stale, which only strict mode fails on.
        Files.delete(dir.resolve("seed_2019_buggy.reclaim"));
        withBaseline.execute();
        CheckMojo strict = configure(new CheckMojo());
        strict.baseline = baseline;
        strict.strictBaseline = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, strict::execute);
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
    }

    @Test
    void updateBaselineWithoutAFileIsAConfigurationError() {
        CheckMojo mojo = configure(new CheckMojo());
        mojo.updateBaseline = true;
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("reclaim:check: updateBaseline needs a baseline file", e.getMessage());
    }

    @Test
    void aMissingPolicyFileIsAConfigurationError() {
        CheckMojo mojo = configure(new CheckMojo());
        mojo.policies = List.of(dir.resolve("nope.reclaim").toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("reclaim: policy file '" + dir.resolve("nope.reclaim") + "' does not exist", e.getMessage());
    }

    @Test
    void simulatePassesWhenEveryVerdictIsExpected() throws Exception {
        configure(new SimulateMojo()).execute();
        assertTrue(logged.stream().anyMatch(l -> l.contains("deadlock")), () -> String.join("\n", logged));
    }

    @Test
    void simulateFailsWithTheCounterexampleWhenAVerdictIsWrong() throws Exception {
        Path buggy = dir.resolve("seed_2019_buggy.reclaim");
        String text = Files.readString(buggy, StandardCharsets.UTF_8);
        Files.writeString(buggy, text.replace("expect deadlock ", "expect no deadlock "), StandardCharsets.UTF_8);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> configure(new SimulateMojo()).execute());
        assertTrue(e.getMessage().startsWith("reclaim:simulate failed:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("loop0_worker"), e.getMessage());
        assertTrue(e.getMessage().contains("--schedule"), e.getMessage());
    }

    @Test
    void skipDoesNothing() throws Exception {
        unexpectFindings();
        CheckMojo mojo = configure(new CheckMojo());
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("reclaim:check skipped"), logged);
    }

    @Test
    void generateAddsBothSourceRootsToTheProject() throws Exception {
        GenerateMojo mojo = configure(new GenerateMojo());
        mojo.project = new MavenProject();
        mojo.outputDirectory = dir.resolve("gen/main").toFile();
        mojo.testOutputDirectory = dir.resolve("gen/test").toFile();
        mojo.execute();
        assertEquals(List.of(mojo.outputDirectory.getPath()), mojo.project.getCompileSourceRoots());
        assertEquals(List.of(mojo.testOutputDirectory.getPath()), mojo.project.getTestCompileSourceRoots());
        try (var main = Files.walk(mojo.outputDirectory.toPath()); var test = Files.walk(mojo.testOutputDirectory.toPath())) {
            assertTrue(main.anyMatch(p -> p.toString().endsWith(".java")));
            assertTrue(test.anyMatch(p -> p.toString().endsWith("Test.java")));
        }
    }

    @Test
    void generateRemovesTheClassesOfARenamedSystem() throws Exception {
        GenerateMojo mojo = configure(new GenerateMojo());
        mojo.project = new MavenProject();
        mojo.outputDirectory = dir.resolve("gen/main").toFile();
        mojo.testOutputDirectory = dir.resolve("gen/test").toFile();
        mojo.execute();
        Path fix = dir.resolve("seed_2019_noio_fix.reclaim");
        Files.writeString(fix, Files.readString(fix).replace("system seed_2019_noio_fix", "system noio_fix"));
        mojo.execute();
        try (var files = Files.walk(dir.resolve("gen"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("NoioFixSystem")).sorted()
                    .toList();
            assertEquals(List.of("NoioFixSystem.java", "NoioFixSystemTest.java"), names);
        }
    }

    @Test
    void generateRefusesAPolicyWithErrorsAndWritesNothing() throws Exception {
        unexpectFindings();
        GenerateMojo mojo = configure(new GenerateMojo());
        mojo.project = new MavenProject();
        mojo.outputDirectory = dir.resolve("gen/main").toFile();
        mojo.testOutputDirectory = dir.resolve("gen/test").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("error[reclaim-cycle]"), e.getMessage());
        assertTrue(!Files.exists(mojo.outputDirectory.toPath()) || isEmpty(mojo.outputDirectory.toPath()));
        assertEquals(List.of(), mojo.project.getCompileSourceRoots());
    }

    private static boolean isEmpty(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            return s.noneMatch(Files::isRegularFile);
        }
    }
}
