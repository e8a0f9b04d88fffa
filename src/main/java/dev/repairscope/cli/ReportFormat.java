package dev.repairscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.repairscope.scenario.ExpectationResult;
import dev.repairscope.scenario.RunReport;
import dev.repairscope.sim.Durations;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/** Report formats; each is also the factory of its renderer. */
public enum ReportFormat {
    TEXT(ReportFormat::text),
    JSON(ReportFormat::json);

    private final Function<RunReport, String> renderer;

    ReportFormat(Function<RunReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(RunReport report) {
        return renderer.apply(report);
    }

    private static String text(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("scenario:     ").append(report.scenario()).append('\n');
        out.append("seed:         ").append(report.seed()).append('\n');
        out.append("simulated:    ").append(Durations.format(report.simulatedMs() * 1000)).append('\n');
        out.append("events:       ").append(report.events()).append(" journaled, ").append(report.steps())
                .append(" simulation steps\n");
        out.append("trace digest: ").append(report.traceDigest()).append('\n');
        out.append("expectations:\n");
        if (report.expectations().isEmpty()) {
            out.append("  (none)\n");
        }
        for (ExpectationResult r : report.expectations()) {
            out.append(String.format(Locale.ROOT, "  %s  at %-9s %s%n           -> %s%n", r.passed() ? "PASS" : "FAIL",
                    Durations.format(r.at()), r.description(), r.detail()));
        }
        out.append("metrics:\n");
        report.metrics().forEach((name, value) ->
                out.append(String.format(Locale.ROOT, "  %-28s %d%n", name, value)));
        long passed = report.expectations().stream().filter(ExpectationResult::passed).count();
        out.append("result: ").append(report.passed() ? "PASS" : "FAIL").append(" (").append(passed).append('/')
                .append(report.expectations().size()).append(" expectations held)\n");
        return out.toString();
    }

    private static String json(RunReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
