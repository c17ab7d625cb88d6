package dev.reclaim.cli;

import dev.reclaim.doc.DotWriter;
import dev.reclaim.doc.MarkdownWriter;
import dev.reclaim.doc.PolicyDoc;
import dev.reclaim.doc.PolicyDocBuilder;
import dev.reclaim.doc.PolicyJsonWriter;
import dev.reclaim.doc.html.HtmlWriter;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.files.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reclaimc doc FILE... -o DIR}: the policy documentation ({@code POLICY.md}, {@code policy.json},
 * {@code layers.dot}, one {@code system-NAME.dot} per system, and the static site {@code html/index.html}), written only inside DIR, each file
 * replaced atomically. Exit 0 written, 2 usage or input error (findings do not fail it: they are documented).
 */
@Command(name = "doc", mixinStandardHelpOptions = true,
        description = { "Writes policy documentation: POLICY.md, policy.json, Graphviz .dot files and a static "
                + "HTML site (html/index.html).",
            "Exit status: 0 written, 2 usage or input error." })
final class DocCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .reclaim files to document.")
    List<Path> files;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR",
            description = "The directory to write to (created if missing).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("reclaimc: error: output '" + dir + "' exists and is not a directory");
            return Reclaimc.USAGE;
        }
        List<FileReport> reports;
        try {
            reports = ReclaimCompiler.create().check(files);
        } catch (ReclaimCompiler.InputException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        PolicyDoc doc = new PolicyDocBuilder().build(reports);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("POLICY.md", new MarkdownWriter().write(doc));
        out.put("policy.json", new PolicyJsonWriter().write(doc));
        out.put("html/index.html", new HtmlWriter().write(doc));
        DotWriter dot = new DotWriter();
        out.put("layers.dot", dot.layers(doc.layers()));
        Set<String> used = new HashSet<>(out.keySet());
        for (PolicyDoc.SystemDoc s : doc.systems()) {
            String base = "system-" + s.name().replaceAll("[^A-Za-z0-9_-]", "_");
            String name = base + ".dot";
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n + ".dot";
            }
            out.put(name, dot.system(s));
        }
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : out.entrySet()) {
                AtomicFiles.replace(dir.resolve(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            err.println("reclaimc: error: cannot write to '" + dir + "': " + e.getMessage());
            return Reclaimc.USAGE;
        }
        err.println("reclaimc: wrote " + out.size() + " files to '" + dir + "'");
        return Reclaimc.OK;
    }
}
