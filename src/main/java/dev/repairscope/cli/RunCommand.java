package dev.repairscope.cli;

import dev.repairscope.scenario.RunReport;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run FILE}: play a scenario headless and report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario without a window and prints its report.",
                "Exit codes: 0 every expectation held, 1 an expectation failed, 2 bad input or usage."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file (JSON), e.g. scenarios/seed-story.json")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Option(names = "--until", paramLabel = "DURATION",
            description = "run this long in simulated time instead of the scenario's duration, e.g. 90s, 10m")
    String until;

    @Option(names = "--report", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json")
    String report;

    @Option(names = "--trace", paramLabel = "FILE.jsonl", description = "write every journal event to this file, one JSON object per line")
    Path trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat format;
        try {
            format = ReportFormat.valueOf(report.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("repairscope: --report must be text or json, got \"" + report + "\"");
            return Exit.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(file);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        long end = scenario.duration();
        if (until != null) {
            try {
                end = Durations.parse(until);
            } catch (IllegalArgumentException e) {
                err.println("repairscope: --until: " + e.getMessage());
                return Exit.BAD_INPUT;
            }
        }
        RunReport result;
        ScenarioRun run = new ScenarioRun(scenario, seed == null ? scenario.seed() : seed);
        try {
            result = run.runUntil(end);
        } catch (IllegalStateException e) {
            err.println(file + ": " + e.getMessage());
            return Exit.BAD_INPUT;
        }
        if (trace != null) {
            try (Writer writer = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
                new TraceWriter().write(run.sim().journal().events(), writer);
            } catch (IOException e) {
                err.println("repairscope: cannot write the trace to " + trace + ": " + e.getMessage());
                return Exit.BAD_INPUT;
            }
        }
        out.print(format.render(result));
        out.flush();
        return result.passed() ? Exit.OK : Exit.EXPECTATION_FAILED;
    }
}
