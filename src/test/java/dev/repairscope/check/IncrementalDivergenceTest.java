package dev.repairscope.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Storage;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle keeps divergence up to date from the journal (only keys a replica changed are checked
 * again); at every few hundred steps of every library scenario it must agree with a plain scan of
 * every key on every replica, done here independently.
 */
class IncrementalDivergenceTest {

    static Stream<Path> library() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** Keys whose replicas disagree, by brute force. */
    static List<String> scanned(Cluster cluster) {
        TreeSet<String> keys = new TreeSet<>();
        for (String node : cluster.nodes()) {
            keys.addAll(cluster.storage(node).rows().keySet());
        }
        List<String> divergent = new ArrayList<>();
        for (String key : keys) {
            long first = 0;
            boolean seen = false;
            for (String replica : cluster.ring().replicasFor(key)) {
                long d = Storage.digest(cluster.storage(replica).get(key));
                if (seen && d != first) {
                    divergent.add(key);
                    break;
                }
                first = d;
                seen = true;
            }
        }
        return divergent;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void agreesWithAFullScanAllAlongTheRun(Path file) throws Exception {
        Scenario scenario = new ScenarioLoader().load(file);
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        while (run.sim().nextEventTime() >= 0 && run.sim().nextEventTime() <= scenario.duration()) {
            run.sim().step();
            if (run.sim().stepsRun() % 397 == 0) {
                List<String> expected = scanned(run.cluster());
                assertThat(run.oracle().divergentKeys()).as("%s at step %d", file, run.sim().stepsRun()).isEqualTo(expected);
            }
        }
        assertThat(run.oracle().divergentKeys()).isEqualTo(scanned(run.cluster()));
    }

    @Test
    void aChangeTheJournalDidNotAnnounceIsStillSeen() throws Exception {
        Scenario scenario = new ScenarioLoader().load(Path.of("scenarios/quorum-no-stale.json"));
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        run.runUntil(scenario.duration() / 2);
        assertThat(run.oracle().divergentKeys()).doesNotContain("planted");

        String replica = run.cluster().ring().replicasFor("planted").get(0);
        run.cluster().storage(replica).apply(new Cell("planted", "x", false, 1, VectorClock.EMPTY, 999_999));

        assertThat(run.oracle().divergentKeys()).contains("planted").isEqualTo(scanned(run.cluster()));
    }
}
