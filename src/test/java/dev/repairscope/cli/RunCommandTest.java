package dev.repairscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless runner end to end: exit codes, reports, traces and replay. */
class RunCommandTest {

    record Outcome(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RepairScopeCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void defaultScenarioPassesAndReplaysToTheSameDigest() throws Exception {
        Outcome first = run("run", "scenarios/seed-story.json", "--report", "json");
        Outcome second = run("run", "scenarios/seed-story.json", "--report", "json");

        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        JsonNode report = first.json();
        assertThat(report.get("seed").asLong()).isEqualTo(42);
        assertThat(report.get("simulatedMs").asLong()).isEqualTo(40_000);
        assertThat(report.get("traceDigest").asText()).hasSize(64)
                .isEqualTo(second.json().get("traceDigest").asText());
        assertThat(report.get("expectations")).hasSizeGreaterThan(10);
        for (JsonNode expectation : report.get("expectations")) {
            assertThat(expectation.get("passed").asBoolean()).as(expectation.toString()).isTrue();
            assertThat(expectation.get("description").asText()).isNotBlank();
            assertThat(expectation.has("detail")).isTrue();
        }
        JsonNode metrics = report.get("metrics");
        assertThat(metrics.get("staleReads").asLong()).isEqualTo(2);
        assertThat(metrics.get("writes").asLong()).isEqualTo(2);
        assertThat(metrics.get("reads").asLong()).isEqualTo(3);
        for (String name : List.of("divergentKeys", "lostWrites", "hintsStored", "readRepairWrites", "aeRowsStreamed")) {
            assertThat(metrics.has(name)).as(name).isTrue();
        }
    }

    @Test
    void anotherSeedGivesAnotherTraceOfAWorkload() throws Exception {
        String a = run("run", "scenarios/quorum-no-stale.json", "--until", "5s", "--report", "json").json()
                .get("traceDigest").asText();
        String again = run("run", "scenarios/quorum-no-stale.json", "--until", "5s", "--report", "json").json()
                .get("traceDigest").asText();
        String b = run("run", "scenarios/quorum-no-stale.json", "--until", "5s", "--seed", "8", "--report", "json").json()
                .get("traceDigest").asText();
        assertThat(a).isEqualTo(again).isNotEqualTo(b);
    }

    @Test
    void quorumReadsAreNeverStaleButOneOneReadsUnderASlowLinkAre() throws Exception {
        Outcome quorum = run("run", "scenarios/quorum-no-stale.json", "--report", "json");
        Outcome weak = run("run", "scenarios/one-one-slow-link.json", "--report", "json");

        assertThat(quorum.exit()).isZero();
        assertThat(quorum.json().get("metrics").get("reads").asLong()).isGreaterThan(4000);
        assertThat(quorum.json().get("metrics").get("staleReads").asLong()).isZero();
        assertThat(weak.exit()).isZero();
        assertThat(weak.json().get("metrics").get("staleReads").asLong()).isGreaterThan(100);
    }

    @Test
    void failedExpectationExitsOneAndSaysWhich(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, """
                {"name": "wrong prediction",
                 "timeline": [
                   {"at": "1s", "action": "write", "coordinator": "n1", "key": "k", "value": "v1"},
                   {"at": "2s", "action": "read", "coordinator": "n2", "key": "k", "consistency": "ONE",
                    "expect": [{"type": "result", "value": "v9"}]}]}
                """);
        Outcome outcome = run("run", file.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("FAIL").contains("returns v9").contains("returned v1");
    }

    @Test
    void brokenFileExitsTwoWithFileLineAndField() {
        Outcome outcome = run("run", "src/test/resources/broken/04-unknown-node.json");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("src/test/resources/broken/04-unknown-node.json:6:")
                .contains("timeline[1].node").contains("unknown node \"n9\"");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("run").exit()).isEqualTo(2);
        assertThat(run("run", "scenarios/seed-story.json", "--report", "yaml").exit()).isEqualTo(2);
        assertThat(run("run", "scenarios/seed-story.json", "--until", "soon").exit()).isEqualTo(2);
        assertThat(run("run", "no/such/file.json").exit()).isEqualTo(2);
    }

    @Test
    void helpExplainsTheOptions() {
        Outcome help = run("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--seed").contains("--until").contains("--report").contains("--trace")
                .contains("Exit codes");
    }

    @Test
    void traceHoldsEveryEventAsJsonLines(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Outcome outcome = run("run", "scenarios/seed-story.json", "--trace", trace.toString(), "--report", "json");
        List<String> lines = Files.readAllLines(trace);
        assertThat(outcome.json().get("events").asLong()).isEqualTo(lines.size());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode caption = null;
        for (String line : lines) {
            JsonNode event = mapper.readTree(line);
            assertThat(event.get("type").asText()).isNotBlank();
            assertThat(event.get("text").asText()).isNotBlank();
            if (event.get("type").asText().equals("Caption") && caption == null) {
                caption = event;
            }
        }
        assertThat(caption).isNotNull();
        assertThat(caption.get("at").asLong()).isEqualTo(1_000_000);
        assertThat(caption.get("text").asText()).startsWith("A client writes user:42 = v1");
    }
}
