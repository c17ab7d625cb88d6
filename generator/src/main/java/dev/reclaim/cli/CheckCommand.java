package dev.reclaim.cli;

import java.io.PrintWriter;
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

/** {@code reclaimc check FILE...}: the static checks, as diagnostics, JSON, SARIF or JUnit XML. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks policy files statically and prints located diagnostics.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, junit }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .reclaim files to check.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = { "-v", "--verbose" }, description = "Also list findings waived by 'allow' or in the baseline.")
    boolean verbose;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only active findings not listed in this baseline file.")
    Path baseline;

    @Option(names = "--update-baseline",
            description = "Write the current active findings to the --baseline file (replacing it).")
    boolean updateBaseline;

    @Option(names = "--strict-baseline",
            description = "Fail when the baseline lists findings that are gone (stale entries).")
    boolean strictBaseline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((updateBaseline || strictBaseline) && baseline == null) {
            err.println("reclaimc: error: " + (updateBaseline ? "--update-baseline" : "--strict-baseline")
                    + " needs --baseline FILE");
            err.println("usage: reclaimc check --help");
            return Reclaimc.USAGE;
        }
        if (updateBaseline && strictBaseline) {
            err.println("reclaimc: error: --update-baseline and --strict-baseline cannot be combined");
            err.println("usage: reclaimc check --help");
            return Reclaimc.USAGE;
        }
        Baseline base = null;
        if (baseline != null && !updateBaseline) {
            try {
                base = Baseline.read(baseline);
            } catch (Baseline.BaselineException e) {
                err.println("reclaimc: error: " + e.getMessage());
                return Reclaimc.USAGE;
            }
        }
        List<FileReport> reports;
        try {
            reports = ReclaimCompiler.create().check(files);
        } catch (ReclaimCompiler.InputException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        if (updateBaseline) {
            base = Baseline.of(reports);
            try {
                base.write(baseline);
            } catch (Baseline.BaselineException e) {
                err.println("reclaimc: error: " + e.getMessage());
                return Reclaimc.USAGE;
            }
            int n = base.entries().stream().mapToInt(Baseline.Entry::count).sum();
            err.println("reclaimc: wrote baseline '" + baseline + "' with " + n + " finding" + (n == 1 ? "" : "s"));
        }
        List<Baseline.Entry> stale = List.of();
        if (base != null) {
            Baseline.Applied applied = base.apply(reports, baseline.toString());
            reports = applied.reports();
            stale = applied.stale();
        }
        String text = switch (format) {
            case json -> new JsonReport().render(reports);
            case sarif -> new SarifReport(baseline != null).render(reports);
            case junit -> new JUnitReport().render(reports);
            case text -> new TextReport(verbose).render(reports);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        boolean staleFails = strictBaseline && !stale.isEmpty();
        if (staleFails || (verbose && !stale.isEmpty())) {
            for (Baseline.Entry e : stale) {
                err.println("reclaimc: " + (staleFails ? "error" : "note") + ": stale baseline entry: [" + e.key().ruleId()
                        + "] " + e.key().declaration() + (e.count() > 1 ? " (" + e.count() + " times)" : "")
                        + (e.message() == null ? "" : ": " + e.message()));
            }
        }
        return Summary.of(reports).failed() || staleFails ? Reclaimc.FINDINGS : Reclaimc.OK;
    }
}
