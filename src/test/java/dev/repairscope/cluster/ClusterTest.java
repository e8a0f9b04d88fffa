package dev.repairscope.cluster;

import static dev.repairscope.cluster.ConsistencyLevel.ALL;
import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static dev.repairscope.cluster.ConsistencyLevel.QUORUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTest {

    /** A busy little run: random latencies, loss, a crash and a blip, writes and reads everywhere. */
    private static String digestOfRun(long seed) {
        TestCluster t = TestCluster.lww(seed, 5, 3); // that seed, 5 nodes, N=3
        t.net.setDefaultLatency(new LatencyDistribution.Exponential(Durations.ms(1), Durations.ms(5)));
        t.net.setLoss(0.02);
        t.cluster.setReadRepair(key -> new ReadRepairPolicy.Plan(false, false, ReadRepairPolicy.Repair.BLOCKING, false));
        List<String> nodes = t.cluster.nodes();
        for (int i = 0; i < 200; i++) {
            int n = i;
            t.sim.at(Durations.ms(10) * i, () -> {
                String coordinator = nodes.get(n % 5);
                if (n % 3 == 0) {
                    t.cluster.read(coordinator, "key" + (n % 17), QUORUM, r -> { });
                } else {
                    t.cluster.write(coordinator, "key" + (n % 17), "v" + n, QUORUM, r -> { });
                }
            });
        }
        t.sim.at(Durations.ms(500), () -> t.net.crash("n4"));
        t.sim.at(Durations.ms(900), () -> t.net.recover("n4"));
        t.sim.at(Durations.ms(1_200), () -> t.net.blip("n1", "n2", false, Durations.ms(300)));
        t.runFor(Durations.seconds(10));
        assertThat(t.sim.journal().size()).isGreaterThan(2_000);
        return t.sim.journal().digest();
    }

    @Test
    void sameSeedSameJournalByteForByte() {
        assertThat(digestOfRun(17)).isEqualTo(digestOfRun(17));
    }

    @Test
    void anotherSeedAnotherJournal() {
        assertThat(digestOfRun(18)).isNotEqualTo(digestOfRun(17));
    }

    @Test
    void writeIsAppliedByEveryReplicaAndJournaledAsSuch() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3

        OperationResult w = t.write("n1", "k", "v1", ALL);

        assertThat(w.outcome()).isEqualTo(Outcome.OK);
        assertThat(w.latency()).isEqualTo(Durations.ms(2));
        assertThat(w.cells()).hasSize(1);
        assertThat(w.cells().get(0).stamp()).isEqualTo("w1@0");
        assertThat(t.events(Event.ReplicaApplied.class)).extracting(Event.ReplicaApplied::node,
                Event.ReplicaApplied::via, Event.ReplicaApplied::changed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("n1", "write", true),
                org.assertj.core.groups.Tuple.tuple("n2", "write", true),
                org.assertj.core.groups.Tuple.tuple("n3", "write", true));
        assertThat(t.events(Event.OperationCompleted.class)).containsExactly(new Event.OperationCompleted(
                2_000, 1, "WRITE", "n1", "k", "OK", "v1", List.of("w1@0"), 2_000, "3 of 3 acked"));
    }

    @Test
    void aCoordinatorThatIsNotAReplicaForwardsToTheReplicas() {
        TestCluster t = TestCluster.lww(1, 4, 2); // 4 nodes, N=2
        String key = t.keyOwnedBy("n1"); // replicas n1, n2

        OperationResult w = t.write("n4", key, "v", ALL);
        OperationResult r = t.read("n3", key, ONE);

        assertThat(w.latency()).isEqualTo(Durations.ms(2));
        assertThat(r.shownValue()).isEqualTo("v");
        assertThat(t.cluster.storage("n4").contains(key)).isFalse();
        assertThat(t.cluster.storage("n3").contains(key)).isFalse();
    }

    @Test
    void deleteWritesATombstoneAndReadsSayNotFound() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.write("n1", "k", "v1", ALL);

        OperationResult d = t.delete("n2", "k", QUORUM);
        t.runFor(Durations.ms(10));

        assertThat(d.outcome()).isEqualTo(Outcome.OK);
        assertThat(t.valueAt("n3", "k")).isEqualTo("(deleted)");
        assertThat(t.read("n3", "k", QUORUM).shownValue()).isEqualTo("not found");
        assertThat(t.cluster.counters().get("deletes")).isEqualTo(1);
        assertThat(t.cluster.counters().get("writes")).isEqualTo(1);
    }

    @Test
    void aDigestReadCostsLessOnTheWireThanADataRead() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.write("n1", "k", "a-rather-long-value-to-make-the-point", ALL);
        long before = t.net.bytesSent(MessageKind.READ_RESPONSE);

        t.read("n3", "k", ALL); // n3 reads itself, n1 and n2 send digests

        // two digest replies of 40 B; one data reply: 24 B + the cell (key 1 + value 37 + 24 B of metadata)
        assertThat(t.net.bytesSent(MessageKind.READ_RESPONSE) - before).isEqualTo(2 * 40 + (24 + (1 + 37 + 24)));
        assertThat(t.net.messagesSent(MessageKind.READ_DIGEST)).isEqualTo(2);
        assertThat(t.net.messagesSent(MessageKind.READ_DATA)).isEqualTo(1);
    }

    @Test
    void configDefaultsFollowCassandra() {
        ClusterConfig d = ClusterConfig.defaults();

        assertThat(d.nodeNames()).containsExactly("n1", "n2", "n3");
        assertThat(d.gcGrace()).isEqualTo(Durations.parse("10d"));
        assertThat(d.writeTimeout()).isEqualTo(Durations.parse("2s"));
        assertThat(d.readTimeout()).isEqualTo(Durations.parse("5s"));
    }

    @Test
    void networkAndConfigMustNameTheSameNodes() {
        Simulation sim = new Simulation(1);
        Network net = new Network(sim, List.of("n1", "n2"));

        assertThatThrownBy(() -> new Cluster(sim, TestCluster.config(3, 3, Versioning.LWW), net))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network nodes [n1, n2] differ from [n1, n2, n3]");
    }

    @Test
    void unknownCoordinatorIsRejected() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3

        assertThatThrownBy(() -> t.cluster.write("n7", "k", "v", ONE, r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown node n7 (nodes are [n1, n2, n3])");
    }

    @Test
    void siblingsShowAsAList() {
        Cell a = new Cell("k", "a", false, 0, VectorClock.parse("{n1:2}"), 1);
        Cell b = new Cell("k", "b", false, 0, VectorClock.parse("{n2:1}"), 2);
        Cell gone = new Cell("k", null, true, 0, VectorClock.parse("{n3:1}"), 3);

        assertThat(new OperationResult(1, OperationType.READ, "k", Outcome.OK, List.of(a, b, gone), 0, 0, "")
                .shownValue()).isEqualTo("[a | b]");
        assertThat(new OperationResult(1, OperationType.READ, "k", Outcome.OK, List.of(gone), 0, 0, "")
                .shownValue()).isEqualTo("not found");
        assertThat(a.label()).isEqualTo("a{n1:2}");
        assertThat(gone.stamp()).isEqualTo("w3{n3:1}");
    }
}
