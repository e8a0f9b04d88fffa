package dev.repairscope.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.RunReport;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import org.junit.jupiter.api.Test;

/** The oracle judges runs the way the lessons need: stale reads, lost writes, divergence. */
class OracleTest {

    private static ScenarioRun run(String json) throws Exception {
        Scenario scenario = new ScenarioLoader().parse(json, "inline");
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        run.runToEnd();
        return run;
    }

    private static final String NO_REPAIR = """
            "repair": {"hintedHandoff": {"enabled": false}, "readRepair": {"mode": "none"}},
            "network": {"latency": {"type": "constant", "value": "2ms"}},
            """;

    @Test
    void readOfAReplicaThatMissedAnAcknowledgedWriteIsStale() throws Exception {
        ScenarioRun run = run("""
                {"name": "stale", %s
                 "timeline": [
                   {"at": "1s", "action": "write", "coordinator": "n1", "key": "k", "value": "v1"},
                   {"at": "2s", "action": "filter", "name": "miss", "kinds": ["write"], "to": "n3"},
                   {"at": "3s", "action": "write", "coordinator": "n1", "key": "k", "value": "v2"},
                   {"at": "4s", "action": "read", "coordinator": "n3", "key": "k", "consistency": "ONE"},
                   {"at": "5s", "action": "read", "coordinator": "n1", "key": "k", "consistency": "ONE"}]}
                """.formatted(NO_REPAIR));
        Oracle oracle = run.oracle();

        assertThat(oracle.staleReads()).isEqualTo(1);
        assertThat(oracle.reads()).isEqualTo(2);
        assertThat(oracle.divergentKeys()).containsExactly("k");
        assertThat(oracle.lostWrites()).isEmpty();
        assertThat(Invariant.NO_STALE_READS.violation(oracle)).hasValueSatisfying(v -> assertThat(v).startsWith("1 stale read"));
        assertThat(Invariant.CONVERGED.violation(oracle)).isPresent();
    }

    @Test
    void readStartedBeforeTheWriteWasAcknowledgedIsNotStale() throws Exception {
        // the write is acknowledged at about 1.004s; a read beginning at 1.001s may return v0
        ScenarioRun run = run("""
                {"name": "concurrent", %s
                 "timeline": [
                   {"at": "500ms", "action": "write", "coordinator": "n1", "key": "k", "value": "v0"},
                   {"at": "1s", "action": "write", "coordinator": "n1", "key": "k", "value": "v1"},
                   {"at": "1001ms", "action": "read", "coordinator": "n3", "key": "k", "consistency": "ONE",
                    "expect": [{"type": "result", "value": "v0"}]}]}
                """.formatted(NO_REPAIR));

        assertThat(run.results()).allMatch(r -> r.passed());
        assertThat(run.oracle().staleReads()).isZero();
    }

    @Test
    void clockSkewUnderLastWriteWinsLosesAnAcknowledgedWrite() throws Exception {
        ScenarioRun run = run("""
                {"name": "skew", %s
                 "cluster": {"clockSkew": {"n1": "500ms"}},
                 "timeline": [
                   {"at": "1s", "action": "write", "coordinator": "n1", "key": "k", "value": "first"},
                   {"at": "1200ms", "action": "write", "coordinator": "n2", "key": "k", "value": "second"}]}
                """.formatted(NO_REPAIR.replace("\"network\"", "\"sampleInterval\": \"1s\", \"network\"")));
        Oracle oracle = run.oracle();

        assertThat(oracle.acknowledgedWrites()).isEqualTo(2);
        assertThat(oracle.lostWrites()).hasSize(1);
        assertThat(run.cluster().storage("n3").get("k").get(0).value()).isEqualTo("first");
        assertThat(Invariant.NO_LOST_WRITES.violation(oracle)).isPresent();
    }

    @Test
    void vectorClocksKeepConcurrentWritesAsSiblingsAndLoseNothing() throws Exception {
        ScenarioRun run = run("""
                {"name": "siblings", %s
                 "cluster": {"versioning": "vector-clocks", "clockSkew": {"n1": "500ms"}},
                 "timeline": [
                   {"at": "1s", "action": "partition", "groups": [["n1"], ["n2", "n3"]]},
                   {"at": "2s", "action": "write", "coordinator": "n1", "key": "k", "value": "a", "consistency": "ONE"},
                   {"at": "2s", "action": "write", "coordinator": "n2", "key": "k", "value": "b", "consistency": "ONE"},
                   {"at": "3s", "action": "heal"},
                   {"at": "4s", "action": "configure", "repair": {"readRepair": {"mode": "foreground"}}},
                   {"at": "10s", "action": "read", "coordinator": "n1", "key": "k", "consistency": "ALL",
                    "expect": [{"type": "result", "value": "[a | b]"}]}]}
                """.formatted(NO_REPAIR));

        assertThat(run.results()).singleElement().satisfies(r -> assertThat(r.passed()).as(r.detail()).isTrue());
        assertThat(run.oracle().lostWrites()).isEmpty();
        assertThat(run.cluster().storage("n3").get("k")).hasSize(2);
    }

    @Test
    void divergenceIsSampledOverTimeHotAndColdApart() throws Exception {
        ScenarioRun run = run("""
                {"name": "workload", "duration": "12s",
                 "repair": {"hintedHandoff": {"enabled": false}, "readRepair": {"mode": "none"}},
                 "workload": {"rate": 200, "keys": 200, "distribution": "zipf", "writeConsistency": "ONE",
                              "readConsistency": "ONE", "start": "0s", "stop": "10s"},
                 "timeline": [{"at": "2s", "action": "crash", "node": "n3"}]}
                """);
        RunReport report = run.report();

        assertThat(run.oracle().samples()).hasSize(12);
        assertThat(run.oracle().samples().get(0).divergentKeys()).isLessThan(run.oracle().samples().get(9).divergentKeys());
        assertThat(report.metrics().get("divergentKeys"))
                .isEqualTo(report.metrics().get("hotDivergentKeys") + report.metrics().get("coldDivergentKeys"))
                .isPositive();
        assertThat(report.metrics().get("coldDivergentKeys")).isGreaterThan(report.metrics().get("hotDivergentKeys"));
        assertThat(run.oracle().hotKeys()).contains("k000");
    }

    @Test
    void hotKeysAreTheMostReadTenthRankedByReadsThenNameAndSamplesCountThem() throws Exception {
        Scenario scenario = new ScenarioLoader().parse("""
                {"name": "hot and cold", "duration": "12s",
                 "repair": {"hintedHandoff": {"enabled": false}, "readRepair": {"mode": "none"}},
                 "workload": {"rate": 300, "keys": 300, "distribution": "zipf", "writeConsistency": "ONE",
                              "readConsistency": "ONE", "start": "0s", "stop": "12s"},
                 "timeline": [{"at": "1s", "action": "crash", "node": "n3"}]}
                """, "inline");
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        int samplesWithHotDivergence = 0;
        for (long at = 50_000; at <= 12_000_000; at += 50_000) {
            run.sim().runUntil(at);
            // the ranking from scratch: reads counted from the journal, every key sorted
            java.util.Map<String, Integer> reads = new java.util.HashMap<>();
            for (var event : run.sim().journal().events()) {
                if (event instanceof dev.repairscope.sim.Event.OperationStarted s && s.type().equals("READ")) {
                    reads.merge(s.key(), 1, Integer::sum);
                }
            }
            java.util.List<String> ranked = new java.util.ArrayList<>(reads.keySet());
            ranked.sort(java.util.Comparator.<String>comparingInt(reads::get).reversed()
                    .thenComparing(java.util.Comparator.naturalOrder()));
            java.util.Set<String> expectedHot = new java.util.HashSet<>(
                    ranked.subList(0, ranked.isEmpty() ? 0 : Math.max(1, (int) Math.round(ranked.size() * 0.1))));

            assertThat(run.oracle().hotKeys()).as("at %d us", at).isEqualTo(expectedHot);
            java.util.List<String> divergent = run.oracle().divergentKeys();
            DivergenceSample sample = run.oracle().sampleNow();
            long hotDivergent = divergent.stream().filter(expectedHot::contains).count();
            assertThat(sample.hotDivergent()).as("at %d us", at).isEqualTo(hotDivergent);
            assertThat(sample.coldDivergent()).isEqualTo(divergent.size() - hotDivergent);
            samplesWithHotDivergence += hotDivergent > 0 ? 1 : 0;
        }
        assertThat(samplesWithHotDivergence).isGreaterThan(10);
    }
}
