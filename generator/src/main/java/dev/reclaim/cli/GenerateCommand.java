package dev.reclaim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.gen.Generator;
import dev.reclaim.gen.model.GenModelBuilder;
import dev.reclaim.gen.model.JavaNames;
import dev.reclaim.gen.render.JavaFile;
import dev.reclaim.gen.write.OutputWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reclaimc generate FILE... -o DIR [--test-output DIR2] [--package P]}: Java enforcement code
 * per policy, and per system a builder class and its JUnit 5 test (docs/GENERATE.md). A policy that
 * {@code check} fails is reported exactly as {@code check} reports it and nothing is written.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = { "Generates Java: per policy its constants, guard table and enforcement facade; per system "
                + "a class that builds it on the runtime model and a JUnit 5 test of its expectations.",
            "Exit status: 0 written, 1 the policies have errors (nothing written), 2 usage, input or output error." })
final class GenerateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .reclaim files, one policy each.")
    List<Path> files;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR",
            description = "Where the main sources go, in package folders (created if missing).")
    Path dir;

    @Option(names = "--test-output", paramLabel = "DIR2",
            description = "Where the generated JUnit 5 tests go (default: the -o directory).")
    Path testDir;

    @Option(names = "--package", paramLabel = "P",
            description = "The Java package of every generated class (default: one per policy, from its name).")
    String pkg;

    @Option(names = "--prune",
            description = "Delete generated .java files in the output directories that this run did not write "
                    + "(renamed or removed systems); only files that begin with the generator's header.")
    boolean prune;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path tests = testDir == null ? dir : testDir;
        if (pkg != null && !JavaNames.legalPackage(pkg)) {
            return usage(err, "--package '" + pkg + "' is not a legal Java package name");
        }
        for (Path d : List.of(dir, tests)) {
            if (Files.exists(d) && !Files.isDirectory(d)) {
                return usage(err, "output '" + d + "' exists and is not a directory");
            }
        }
        List<FileReport> reports;
        try {
            reports = ReclaimCompiler.create().check(files);
        } catch (ReclaimCompiler.InputException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        if (Summary.of(reports).failed()) {
            err.print(new TextReport(false).render(reports));
            err.println("reclaimc: error: nothing generated: the policies have errors");
            err.flush();
            return Reclaimc.FINDINGS;
        }
        List<JavaFile> generated;
        try {
            generated = new Generator(pkg).generate(reports);
        } catch (GenModelBuilder.GenerateException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.FINDINGS;
        }
        List<OutputWriter.Target> targets = new ArrayList<>();
        int testCount = 0;
        for (JavaFile f : generated) {
            targets.add(new OutputWriter.Target(f.test() ? tests : dir, f.relativePath(), f.text()));
            testCount += f.test() ? 1 : 0;
        }
        OutputWriter.Outcome outcome;
        try {
            outcome = new OutputWriter().write(targets, prune ? JavaFile.MARK : null);
        } catch (OutputWriter.WriteException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("generated " + (generated.size() - testCount) + " files in " + dir + " (" + testCount + " test"
                + (testCount == 1 ? "" : "s") + " in " + tests + ")"
                + (outcome.pruned() == 0 ? "" : "; pruned " + outcome.pruned() + " stale"));
        out.flush();
        return Reclaimc.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("reclaimc: error: " + message);
        err.println("usage: reclaimc generate --help");
        return Reclaimc.USAGE;
    }
}
