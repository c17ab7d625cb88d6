package dev.reclaim.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reclaimc}: the compiler's command line. Exit 0 ok, 1 findings, 2 usage or unreadable input. */
@Command(name = "reclaimc", mixinStandardHelpOptions = true, versionProvider = Reclaimc.Version.class,
        description = "Checks memory-reclaim layering policies (.reclaim files).",
        subcommands = { CheckCommand.class, SimulateCommand.class, DocCommand.class, GenerateCommand.class,
            CommandLine.HelpCommand.class })
public final class Reclaimc implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'reclaimc check FILE')");
    }

    public static void main(String[] args) {
        // Xtext needs no method interception: without Guice's bytecode generation the injector
        // starts faster, and start-up is most of a command's wall time.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with the given streams; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Reclaimc());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("reclaimc: error: " + ex.getMessage());
            err.println("usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("reclaimc: internal error: " + ex);
            return INTERNAL;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Reclaimc.class.getPackage().getImplementationVersion();
            return new String[] { "reclaimc " + (v == null ? "dev" : v) };
        }
    }
}
