package dev.reclaim.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.reclaim.dsl.compile.ReclaimCompiler;

/**
 * {@code reclaim:simulate}: runs {@code reclaimc simulate} on every policy file that declares a
 * system, and fails the build when a system's verdict differs from its {@code expect}, printing the
 * counterexample (hung-task stacks and the command that replays it).
 */
@Mojo(name = "simulate", defaultPhase = LifecyclePhase.TEST)
public class SimulateMojo extends AbstractReclaimMojo {

    /** Exhaustive mode only (breadth-first over every scheduler choice). */
    @Parameter(property = "reclaim.exhaustive", defaultValue = "false")
    boolean exhaustive;

    /** Random mode only, with this seed (replays a reported run). */
    @Parameter(property = "reclaim.seed")
    Long seed;

    /** Random runs per system; the command line's default when not set. */
    @Parameter(property = "reclaim.runs")
    Integer runs;

    /** Simulation is a test: {@code -DskipTests} skips it too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("reclaim:simulate skipped");
            return;
        }
        List<Path> files = policyFiles();
        ReclaimCompiler compiler = ReclaimCompiler.create();
        List<String> failures = new ArrayList<>();
        int simulated = 0;
        for (Path file : files) {
            if (!declaresSystems(compiler, file)) {
                continue;
            }
            simulated++;
            CliOutcome outcome = CliOutcome.run(arguments(file));
            if (outcome.usageError()) {
                throw new MojoExecutionException("reclaim:simulate failed:\n" + outcome.text());
            }
            if (outcome.ok()) {
                logSuccess(outcome.out());
            } else {
                failures.add(outcome.text());
            }
        }
        if (simulated == 0) {
            getLog().info("reclaim:simulate: no policy file declares a system");
        }
        if (!failures.isEmpty()) {
            // Every file is simulated before failing, so one build shows every wrong verdict.
            throw new MojoFailureException("reclaim:simulate failed:\n" + String.join("\n", failures));
        }
    }

    private static boolean declaresSystems(ReclaimCompiler compiler, Path file) throws MojoExecutionException {
        try {
            return !compiler.systems(file).isEmpty();
        } catch (ReclaimCompiler.InputException e) {
            throw new MojoExecutionException("reclaim:simulate: " + e.getMessage(), e);
        }
    }

    private List<String> arguments(Path file) {
        List<String> args = new ArrayList<>(List.of("simulate", file.toString()));
        if (exhaustive) {
            args.add("--exhaustive");
        }
        if (seed != null) {
            args.addAll(List.of("--seed", seed.toString()));
        }
        if (runs != null) {
            args.addAll(List.of("--runs", runs.toString()));
        }
        return args;
    }
}
