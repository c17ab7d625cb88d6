package dev.reclaim.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal shares: which policy files to use, and how a command's outcome reaches Maven. */
abstract class AbstractReclaimMojo extends AbstractMojo {

    /** The folder searched for {@code *.reclaim} files (recursively) when {@code policies} is empty. */
    @Parameter(property = "reclaim.sourceDirectory", defaultValue = "${project.basedir}/src/main/reclaim")
    File sourceDirectory;

    /** The policy files to use, instead of every {@code *.reclaim} under {@code sourceDirectory}. */
    @Parameter
    List<File> policies;

    /** Skips the goal. */
    @Parameter(property = "reclaim.skip", defaultValue = "false")
    boolean skip;

    /** The policy files, sorted so that output and failures do not depend on the file system's order. */
    List<Path> policyFiles() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        if (policies != null && !policies.isEmpty()) {
            for (File f : policies) {
                if (!f.isFile()) {
                    throw new MojoExecutionException("reclaim: policy file '" + f + "' does not exist");
                }
                files.add(f.toPath());
            }
        } else if (sourceDirectory != null && sourceDirectory.isDirectory()) {
            try (Stream<Path> walk = Files.walk(sourceDirectory.toPath())) {
                walk.filter(p -> p.getFileName().toString().endsWith(".reclaim") && Files.isRegularFile(p))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new MojoExecutionException("reclaim: cannot list '" + sourceDirectory + "': " + e.getMessage(), e);
            }
        }
        files.replaceAll(AbstractReclaimMojo::display);
        files.sort(null);
        return files;
    }

    /**
     * Diagnostics name files the way the user would type them from the directory Maven was started
     * in, so that terminals and IDE consoles make them clickable.
     */
    private static Path display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    static List<String> strings(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    /**
     * A green build shows the verdict lines only: the diagnostics of expected findings and the
     * traces of expected deadlocks are what the policy already says, so they go to the debug log
     * ({@code mvn -X}) instead of burying the build's output.
     */
    void logSuccess(String out) {
        out.lines().forEach(l -> {
            if (isVerdict(l)) {
                getLog().info(l);
            } else {
                getLog().debug(l);
            }
        });
    }

    private static boolean isVerdict(String line) {
        return line.startsWith("checked ") || line.startsWith("simulated ") || line.startsWith("system ")
                || line.startsWith("generated ") || line.startsWith("reclaimc: wrote ");
    }

    /** Logs what the command printed and turns its exit code into Maven's two kinds of failure. */
    void finish(String goal, CliOutcome outcome) throws MojoExecutionException, MojoFailureException {
        if (outcome.ok()) {
            logSuccess(outcome.out());
            // Stderr of a successful run carries notes such as "wrote baseline"; anything else is a warning.
            outcome.err().lines().forEach(l -> {
                if (isVerdict(l)) {
                    getLog().info(l);
                } else {
                    getLog().warn(l);
                }
            });
            return;
        }
        String message = "reclaim:" + goal + " failed:\n" + outcome.text();
        if (outcome.usageError()) {
            throw new MojoExecutionException(message);
        }
        throw new MojoFailureException(message);
    }
}
