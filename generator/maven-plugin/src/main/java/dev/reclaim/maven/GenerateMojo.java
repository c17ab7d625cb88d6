package dev.reclaim.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code reclaim:generate}: runs {@code reclaimc generate} and adds its output to the build — the
 * per-policy enforcement code to the main sources, the per-system simulation tests to the test
 * sources, so {@code mvn test} runs every system's {@code expect} in the user's CI.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES)
public class GenerateMojo extends AbstractReclaimMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Where the enforcement code and the simulated systems go. */
    @Parameter(property = "reclaim.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/reclaim")
    File outputDirectory;

    /** Where the generated JUnit 5 tests go. */
    @Parameter(property = "reclaim.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/reclaim")
    File testOutputDirectory;

    /** The Java package of the generated code; derived from the policy name when not set. */
    @Parameter(property = "reclaim.package")
    String packageName;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("reclaim:generate skipped");
            return;
        }
        List<String> files = strings(policyFiles());
        if (files.isEmpty()) {
            getLog().info("reclaim:generate: no .reclaim files in " + sourceDirectory);
            return;
        }
        List<String> args = new ArrayList<>(List.of("generate"));
        args.addAll(files);
        // The plugin owns these directories: classes of renamed or removed systems must go, or they
        // would still compile (and their tests still run) until the next clean.
        args.addAll(List.of("-o", outputDirectory.getPath(), "--test-output", testOutputDirectory.getPath(), "--prune"));
        if (packageName != null && !packageName.isBlank()) {
            args.addAll(List.of("--package", packageName));
        }
        finish("generate", CliOutcome.run(args));
        project.addCompileSourceRoot(outputDirectory.getPath());
        project.addTestCompileSourceRoot(testOutputDirectory.getPath());
    }
}
