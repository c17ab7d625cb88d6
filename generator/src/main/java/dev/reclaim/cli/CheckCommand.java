package dev.reclaim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reclaimc check FILE...}: the static checks, as diagnostics or JSON. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks policy files statically and prints located diagnostics.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .reclaim files to check.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = { "-v", "--verbose" }, description = "Also list findings waived by 'allow'.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<FileReport> reports;
        try {
            reports = ReclaimCompiler.create().check(files);
        } catch (ReclaimCompiler.InputException e) {
            spec.commandLine().getErr().println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        String text = format == Format.json ? new JsonReport().render(reports) : new TextReport(verbose).render(reports);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return Summary.of(reports).failed() ? Reclaimc.FINDINGS : Reclaimc.OK;
    }
}
