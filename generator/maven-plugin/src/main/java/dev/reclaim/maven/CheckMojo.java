package dev.reclaim.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.reclaim.files.AtomicFiles;

/**
 * {@code reclaim:check}: runs {@code reclaimc check} on the policies and fails the build on any
 * active finding, with the checker's own diagnostics. Optionally writes SARIF and JUnit reports
 * for CI, and honours a baseline exactly as the command line does.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES)
public class CheckMojo extends AbstractReclaimMojo {

    /** Report only findings not listed in this baseline file ({@code reclaimc check --baseline}). */
    @Parameter(property = "reclaim.baseline")
    File baseline;

    /** Writes the current findings to {@code baseline} instead of failing on them. */
    @Parameter(property = "reclaim.updateBaseline", defaultValue = "false")
    boolean updateBaseline;

    /** Also fails when the baseline lists findings that are gone. */
    @Parameter(property = "reclaim.strictBaseline", defaultValue = "false")
    boolean strictBaseline;

    /** If set, a SARIF 2.1.0 report is written here (for code-scanning upload). */
    @Parameter(property = "reclaim.sarifFile")
    File sarifFile;

    /** If set, a JUnit XML report is written here (one test case per system and rule). */
    @Parameter(property = "reclaim.junitFile")
    File junitFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("reclaim:check skipped");
            return;
        }
        List<Path> files = policyFiles();
        if (files.isEmpty()) {
            getLog().info("reclaim:check: no .reclaim files in " + sourceDirectory);
            return;
        }
        List<String> common = new ArrayList<>(strings(files));
        if (baseline != null) {
            common.add("--baseline");
            common.add(baseline.getPath());
            if (strictBaseline) {
                common.add("--strict-baseline");
            }
        }
        if (updateBaseline) {
            if (baseline == null) {
                throw new MojoExecutionException("reclaim:check: updateBaseline needs a baseline file");
            }
            List<String> args = new ArrayList<>(List.of("check"));
            args.addAll(strings(files));
            args.addAll(List.of("--baseline", baseline.getPath(), "--update-baseline"));
            finish("check", CliOutcome.run(args));
            return;
        }
        // Reports first: CI wants them exactly when the text run below fails the build.
        report(common, "sarif", sarifFile);
        report(common, "junit", junitFile);
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(common);
        finish("check", CliOutcome.run(args));
    }

    private void report(List<String> common, String format, File target) throws MojoExecutionException {
        if (target == null) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(common);
        args.addAll(List.of("--format", format));
        CliOutcome outcome = CliOutcome.run(args);
        if (outcome.usageError()) {
            throw new MojoExecutionException("reclaim:check (" + format + ") failed:\n" + outcome.text());
        }
        write(target.toPath(), outcome.out());
        getLog().info("reclaim:check: wrote " + format + " report " + target);
    }

    /** Replaces the report atomically, so that a CI step reading it never sees half a file. */
    static void write(Path target, String text) throws MojoExecutionException {
        try {
            AtomicFiles.replace(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("reclaim: cannot write '" + target + "': " + e.getMessage(), e);
        }
    }
}
