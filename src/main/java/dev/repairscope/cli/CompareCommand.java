package dev.repairscope.cli;

import dev.repairscope.scenario.RunReport;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A B}: two scenarios (typically one setting apart) run with the same seed, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs two scenarios with the same seed and prints their metrics side by side with the",
                "differences, e.g. read repair only against read repair plus anti-entropy.",
                "Exit codes: 0 both runs' expectations held, 1 one failed, 2 bad input or usage."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the first scenario file")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "the second scenario file")
    Path second;

    @Option(names = "--seed", paramLabel = "N", description = "seed for both runs (default: A's seed)")
    Long seed;

    @Option(names = "--until", paramLabel = "DURATION", description = "run both this long (default: each its own duration)")
    String until;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario a;
        Scenario b;
        try {
            a = new ScenarioLoader().load(first);
            b = new ScenarioLoader().load(second);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        long runSeed = seed == null ? a.seed() : seed;
        RunReport ra;
        RunReport rb;
        try {
            ra = run(a, runSeed);
            rb = run(b, runSeed);
        } catch (IllegalArgumentException e) {
            err.println("repairscope: --until: " + e.getMessage());
            return Exit.BAD_INPUT;
        }
        out.printf(Locale.ROOT, "A: %s%nB: %s%nseed %d, A simulated %s, B simulated %s%n%n", a.name(), b.name(), runSeed,
                Durations.format(ra.simulatedMs() * 1000), Durations.format(rb.simulatedMs() * 1000));
        out.printf(Locale.ROOT, "%-28s %14s %14s %14s%n", "metric", "A", "B", "B - A");
        TreeSet<String> names = new TreeSet<>(ra.metrics().keySet());
        names.addAll(rb.metrics().keySet());
        for (String name : names) {
            long va = ra.metrics().getOrDefault(name, 0L);
            long vb = rb.metrics().getOrDefault(name, 0L);
            out.printf(Locale.ROOT, "%-28s %14d %14d %14s%n", name, va, vb, va == vb ? "" : String.format(Locale.ROOT, "%+d", vb - va));
        }
        out.printf(Locale.ROOT, "%nexpectations: A %s, B %s%n", verdict(ra), verdict(rb));
        out.flush();
        return ra.passed() && rb.passed() ? Exit.OK : Exit.EXPECTATION_FAILED;
    }

    private RunReport run(Scenario scenario, long runSeed) {
        ScenarioRun run = new ScenarioRun(scenario, runSeed);
        return until == null ? run.runToEnd() : run.runUntil(Durations.parse(until));
    }

    private static String verdict(RunReport report) {
        long held = report.expectations().stream().filter(r -> r.passed()).count();
        return (report.passed() ? "PASS" : "FAIL") + " (" + held + "/" + report.expectations().size() + ")";
    }
}
