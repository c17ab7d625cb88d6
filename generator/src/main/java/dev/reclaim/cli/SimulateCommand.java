package dev.reclaim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.model.SystemModel;
import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reclaimc simulate FILE}: runs each system under the deterministic scheduler and compares
 * the verdict with its {@code expect}. Static errors do not stop it: the checker is not the oracle.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = { "Simulates the systems of a policy file under memory pressure and checks each verdict "
                + "against its 'expect'.",
            "Without --exhaustive, --seed or --schedule both modes run (a deadlock found by either decides; "
                + "'no deadlock' needs both to find none within their bounds).",
            "Exit status: 0 every system met its expect, 1 one did not, 2 usage or input error." })
final class SimulateCommand implements Callable<Integer> {
    enum Format { text, json, sarif, junit }

    @Parameters(index = "0", paramLabel = "FILE", description = "The .reclaim file.")
    Path file;

    @Option(names = "--system", paramLabel = "NAME", description = "Simulate only this system.")
    String system;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random mode only, seeded N (how a reported random run is replayed).")
    Long seed;

    @Option(names = "--runs", paramLabel = "K", description = "Random runs (default: ${DEFAULT-VALUE}).")
    int runs = Simulator.DEFAULT_RUNS;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per random run (default: ${DEFAULT-VALUE}).")
    int steps = Simulator.DEFAULT_STEPS;

    @Option(names = "--exhaustive", description = "Exhaustive mode only: breadth-first over every scheduler choice.")
    boolean exhaustive;

    @Option(names = "--max-states", paramLabel = "S",
            description = "Bound of the exhaustive search in distinct states (default: ${DEFAULT-VALUE}).")
    int maxStates = Simulator.DEFAULT_MAX_STATES;

    @Option(names = "--depth", paramLabel = "D",
            description = "Bound of the exhaustive search in steps; 0 = none (default: ${DEFAULT-VALUE}).")
    int depth = Simulator.DEFAULT_MAX_DEPTH;

    @Option(names = "--schedule", paramLabel = "LIST", split = ",",
            description = "Replay this schedule: the PIDs to run, one per step, comma-separated.")
    List<Integer> schedule;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = { "-q", "--quiet" },
            description = "No progress on stderr (it is shown only with the text format, after the first second).")
    boolean quiet;

    /** Injected by tests: whether stderr is a terminal, and the clock of the progress display. */
    java.util.function.BooleanSupplier terminal = SimProgress::stderrIsTerminal;
    java.util.function.LongSupplier clock = System::nanoTime;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageError();
        if (usage != null) {
            err.println("reclaimc: error: " + usage);
            err.println("usage: reclaimc simulate --help");
            return Reclaimc.USAGE;
        }
        List<SystemModel> declared;
        try {
            declared = ReclaimCompiler.create().systems(file);
        } catch (ReclaimCompiler.InputException e) {
            err.println("reclaimc: error: " + e.getMessage());
            return Reclaimc.USAGE;
        }
        List<SystemModel> systems = new ArrayList<>();
        for (SystemModel s : declared) {
            if (system == null || s.name().equals(system)) {
                systems.add(s);
            }
        }
        if (systems.isEmpty()) {
            List<String> names = declared.stream().map(SystemModel::name).toList();
            err.println("reclaimc: error: " + (system == null ? "'" + file + "' declares no system"
                    : "no system '" + system + "' in '" + file + "'" + (names.isEmpty() ? ""
                    : " (it declares " + String.join(", ", names) + ")")));
            return Reclaimc.USAGE;
        }
        Simulator.Options options = options();
        List<SimResult> results = new ArrayList<>();
        for (SystemModel s : systems) {
            if (options.mode() == Simulator.Mode.SCHEDULE) {
                int n = s.threads().size() + s.workqueues().size();
                for (int pid : options.schedule()) {
                    if (pid < 1 || pid > n) {
                        err.println("reclaimc: error: --schedule: no PID " + pid + " in system " + s.name()
                                + " (PIDs 1.." + n + ")");
                        return Reclaimc.USAGE;
                    }
                }
            }
            // Machine-readable reports go to stdout for tools; a status line would only be noise in their logs.
            boolean show = !quiet && format == Format.text;
            try (SimProgress progress = new SimProgress(err, s.name(), show && terminal.getAsBoolean(),
                    options.maxStates(), (long) options.runs() * options.steps(), clock)) {
                results.add(Simulator.simulate(s, options, show ? progress : dev.reclaim.sim.Progress.NONE));
            } catch (IllegalArgumentException e) {
                err.println("reclaimc: error: " + e.getMessage());
                return Reclaimc.USAGE;
            }
        }
        Replays replays = new Replays(file.toString(), options);
        java.util.Map<String, SystemModel> byName = new java.util.LinkedHashMap<>();
        systems.forEach(s -> byName.put(s.name(), s));
        String out = switch (format) {
            case json -> new SimJsonReport(replays).render(results);
            case sarif -> new SarifReport(false).renderSimulation(results, byName, replays);
            case junit -> new JUnitReport().renderSimulation(file.toString(), results, replays);
            case text -> new SimTextReport(replays).render(results);
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        boolean failed = results.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()));
        return failed ? Reclaimc.FINDINGS : Reclaimc.OK;
    }

    private String usageError() {
        if (schedule != null && (exhaustive || seed != null)) {
            return "--schedule cannot be combined with --exhaustive or --seed";
        }
        if (exhaustive && seed != null) {
            return "--exhaustive and --seed select different modes; give one";
        }
        if (runs < 1) {
            return "--runs must be at least 1";
        }
        if (steps < 1) {
            return "--steps must be at least 1";
        }
        if (maxStates < 1) {
            return "--max-states must be at least 1";
        }
        if (depth < 0) {
            return "--depth must not be negative";
        }
        if (schedule != null && schedule.isEmpty()) {
            return "--schedule needs at least one PID";
        }
        return null;
    }

    private Simulator.Options options() {
        Simulator.Mode mode = schedule != null ? Simulator.Mode.SCHEDULE : exhaustive ? Simulator.Mode.EXHAUSTIVE
                : seed != null ? Simulator.Mode.RANDOM : Simulator.Mode.DEFAULT;
        int[] sched = schedule == null ? new int[0] : schedule.stream().mapToInt(Integer::intValue).toArray();
        return new Simulator.Options(mode, seed == null ? Simulator.DEFAULT_SEED : seed, runs, steps, maxStates, depth,
                sched);
    }

    /** The one-line commands that replay what a report shows. */
    record Replays(String file, Simulator.Options options) {
        String schedule(SimResult r) {
            StringBuilder b = new StringBuilder();
            for (int pid : r.found().schedule()) {
                b.append(b.length() == 0 ? "" : ",").append(pid);
            }
            return "reclaimc simulate " + file + " --system " + r.system() + " --schedule " + b;
        }

        String seed(SimResult r) {
            SimResult.RandomRun rr = r.random();
            return "reclaimc simulate " + file + " --system " + r.system() + " --seed " + rr.runSeed() + " --runs 1"
                    + (rr.steps() != Simulator.DEFAULT_STEPS ? " --steps " + rr.steps() : "");
        }
    }
}
