package dev.repairscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: {@code repairscope run FILE ...}; with no arguments the launcher opens the window instead. */
@Command(name = "repairscope", mixinStandardHelpOptions = true, version = "RepairScope 0.1",
        description = {"Watch Dynamo-style replicas diverge and converge.",
                "With no arguments, opens the visualizer on the built-in default scenario."},
        subcommands = {RunCommand.class, CompareCommand.class, EfficiencyCommand.class, StalenessCommand.class})
public final class RepairScopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on the console and returns the exit code. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line and returns the exit code (2 for usage errors, as for bad input). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RepairScopeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("repairscope: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return Exit.BAD_INPUT;
        });
        return cli.execute(args);
    }
}
