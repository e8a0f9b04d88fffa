package dev.repairscope.repair.readrepair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.TestCluster;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.sim.Durations;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random workloads under random faults: every client operation is answered exactly once, within
 * its timeout, and once the faults stop and every key has been read at ALL, the replicas agree.
 */
class ReadRepairChaosTest {

    static Stream<Arguments> modesAndVersionings() {
        List<Arguments> all = new ArrayList<>();
        for (Versioning versioning : Versioning.values()) {
            for (ReadRepairMode mode : ReadRepairMode.values()) {
                all.add(Arguments.of(mode, versioning));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndVersionings")
    void everyOperationIsAnsweredOnceAndRepairingReadsConvergeTheReplicas(ReadRepairMode mode, Versioning versioning) {
        for (long seed = 1; seed <= 3; seed++) {
            TestCluster t = new TestCluster(seed, TestCluster.config(5, 3, versioning));
            new ReadRepair(t.cluster, mode, 0.5);
            t.net.setDefaultLatency(new LatencyDistribution.Exponential(Durations.ms(1), Durations.ms(10)));
            t.net.setLoss(0.01);
            Random random = new Random(seed); // the test's own choices, seeded
            List<String> nodes = t.cluster.nodes();
            List<TestCluster.Pending> ops = new ArrayList<>();
            ConsistencyLevel[] levels = {ConsistencyLevel.ONE, ConsistencyLevel.QUORUM, ConsistencyLevel.ALL};
            for (int i = 0; i < 600; i++) {
                t.runFor(Durations.ms(random.nextInt(30)));
                String node = nodes.get(random.nextInt(5));
                String key = "key" + random.nextInt(25);
                ConsistencyLevel level = levels[random.nextInt(3)];
                int dice = random.nextInt(100);
                if (dice < 45) {
                    ops.add(t.startWrite(node, key, "v" + i, level));
                } else if (dice < 90) {
                    ops.add(t.startRead(node, key, level));
                } else if (dice < 91) {
                    t.net.crash(node);
                } else if (dice < 96) {
                    nodes.forEach(t.net::recover);
                } else {
                    String other = nodes.get(random.nextInt(5));
                    if (!other.equals(node)) {
                        t.net.blip(node, other, random.nextBoolean(), Durations.ms(random.nextInt(4_000)));
                    }
                }
            }
            nodes.forEach(t.net::recover);
            t.net.healAll();
            t.net.setLoss(0);
            t.runFor(Durations.seconds(30));

            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            for (TestCluster.Pending op : ops) {
                assertThat(op.done()).as("seed %d: every operation answered", seed).isTrue();
                outcomes.merge(op.result().outcome(), 1, Integer::sum);
                assertThat(op.result().latency()).as("seed %d", seed).isLessThanOrEqualTo(TestCluster.READ_TIMEOUT);
            }
            assertThat(outcomes.get(Outcome.OK)).as("seed %d: %s", seed, outcomes).isGreaterThan(ops.size() / 2);

            if (mode != ReadRepairMode.NONE) {
                for (int k = 0; k < 25; k++) {
                    String key = "key" + k;
                    assertThat(t.read("n1", key, ConsistencyLevel.ALL).outcome()).as("seed %d %s", seed, key)
                            .isEqualTo(Outcome.OK);
                }
                t.runFor(Durations.seconds(1));
                for (int k = 0; k < 25; k++) {
                    String key = "key" + k;
                    List<String> replicas = t.cluster.ring().replicasFor(key);
                    List<String> values = replicas.stream().map(n -> t.valueAt(n, key)).toList();
                    assertThat(values).as("seed %d %s on %s", seed, key, replicas).containsOnly(values.get(0));
                }
            }
        }
    }
}
