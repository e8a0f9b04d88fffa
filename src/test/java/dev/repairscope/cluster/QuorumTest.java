package dev.repairscope.cluster;

import static dev.repairscope.cluster.ConsistencyLevel.ALL;
import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static dev.repairscope.cluster.ConsistencyLevel.QUORUM;
import static dev.repairscope.cluster.ConsistencyLevel.THREE;
import static dev.repairscope.cluster.ConsistencyLevel.TWO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.sim.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** REFERENCE.md behaviour 6: quorum arithmetic. */
class QuorumTest {

    @Test
    void operationsSucceedOrFailAsUnavailableAsNodesStopOneByOne() {
        TestCluster t = TestCluster.lww(1, 5, 5); // 5 nodes, N=5: QUORUM needs 3
        List<ConsistencyLevel> levels = List.of(ONE, TWO, THREE, QUORUM, ALL);
        List<String> outcomes = new ArrayList<>();
        String[] stopOrder = {"n5", "n4", "n3", "n2"};
        for (int stopped = 0; stopped <= 4; stopped++) {
            if (stopped > 0) {
                t.crashAndDetect(stopOrder[stopped - 1]);
            }
            StringBuilder line = new StringBuilder(5 - stopped + " up:");
            for (ConsistencyLevel level : levels) {
                OperationResult w = t.write("n1", "k-" + stopped + "-" + level, "v", level);
                OperationResult r = t.read("n1", "k-" + stopped + "-" + level, level);
                line.append(' ').append(level).append(" w=").append(w.outcome()).append(" r=").append(r.outcome());
            }
            outcomes.add(line.toString());
        }

        assertThat(outcomes).containsExactly(
                "5 up: ONE w=OK r=OK TWO w=OK r=OK THREE w=OK r=OK QUORUM w=OK r=OK ALL w=OK r=OK",
                "4 up: ONE w=OK r=OK TWO w=OK r=OK THREE w=OK r=OK QUORUM w=OK r=OK ALL w=UNAVAILABLE r=UNAVAILABLE",
                "3 up: ONE w=OK r=OK TWO w=OK r=OK THREE w=OK r=OK QUORUM w=OK r=OK ALL w=UNAVAILABLE r=UNAVAILABLE",
                "2 up: ONE w=OK r=OK TWO w=OK r=OK THREE w=UNAVAILABLE r=UNAVAILABLE QUORUM w=UNAVAILABLE r=UNAVAILABLE ALL w=UNAVAILABLE r=UNAVAILABLE",
                "1 up: ONE w=OK r=OK TWO w=UNAVAILABLE r=UNAVAILABLE THREE w=UNAVAILABLE r=UNAVAILABLE QUORUM w=UNAVAILABLE r=UNAVAILABLE ALL w=UNAVAILABLE r=UNAVAILABLE");
        assertThat(t.cluster.counters().get("writeUnavailables")).isEqualTo(0 + 1 + 1 + 3 + 4);
        assertThat(t.cluster.counters().get("readUnavailables")).isEqualTo(0 + 1 + 1 + 3 + 4);
    }

    @Test
    void unavailableWriteIsRefusedAtOnceAndLandsNowhere() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.crashAndDetect("n3");
        t.crashAndDetect("n2");
        long before = t.net.messagesSent(dev.repairscope.net.MessageKind.WRITE);

        OperationResult w = t.write("n1", "k", "v", QUORUM);

        assertThat(w.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(w.latency()).isZero();
        assertThat(w.detail()).isEqualTo("needs 2 replica(s) of [n2, n3, n1], n1 believes only 1 alive");
        assertThat(t.net.messagesSent(dev.repairscope.net.MessageKind.WRITE)).isEqualTo(before);
        assertThat(t.valueAt("n1", "k")).isNull();
    }

    @Test
    void crashedReplicasNotYetDetectedMakeTheWriteTimeOutAfterLandingOnAMinority() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.net.crash("n2");
        t.net.crash("n3"); // not yet detected: n1 still believes both alive

        OperationResult w = t.write("n1", "k", "v1", QUORUM);

        assertThat(w.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(w.latency()).isEqualTo(TestCluster.WRITE_TIMEOUT);
        assertThat(w.detail()).isEqualTo("only 1 of 2 required ack(s) in time; the write may still have landed on [n1]");
        assertThat(t.valueAt("n1", "k")).isEqualTo("v1");
        assertThat(t.valueAt("n2", "k")).isNull();
        assertThat(t.valueAt("n3", "k")).isNull();
        assertThat(t.cluster.counters().get("writeTimeouts")).isEqualTo(1);
    }

    @Test
    void readFromUndetectedCrashedReplicasTimesOutAfterTheReadTimeout() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.write("n1", "k", "v1", ALL);
        t.net.crash("n2");
        t.net.crash("n3");

        OperationResult r = t.read("n1", "k", QUORUM);

        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.latency()).isEqualTo(TestCluster.READ_TIMEOUT);
        assertThat(r.detail()).isEqualTo("only 1 of 2 replies arrived in time");
        assertThat(t.cluster.counters().get("readTimeouts")).isEqualTo(1);
    }

    @Test
    void writeAtOneIsAcknowledgedByTheLocalReplicaEvenWhenTheOthersAreSilentlyDown() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.net.crash("n2");
        t.net.crash("n3");

        OperationResult w = t.write("n1", "k", "v1", ONE);

        assertThat(w.outcome()).isEqualTo(Outcome.OK);
        assertThat(w.latency()).isZero();
        assertThat(w.detail()).isEqualTo("1 of 3 acked");
    }

    @Test
    void quorumWriteAndReadTakeOneRoundTripToTheNearestOtherReplica() {
        TestCluster t = TestCluster.lww(1, 3, 3); // default latency: 1 ms each way

        OperationResult w = t.write("n1", "k", "v1", QUORUM);
        OperationResult r = t.read("n2", "k", QUORUM);

        assertThat(w.latency()).isEqualTo(2_000);
        assertThat(r.latency()).isEqualTo(2_000);
        assertThat(r.shownValue()).isEqualTo("v1");
    }

    @Test
    void coordinatorThatIsDownAnswersNothingAndTheClientTimesOut() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        t.net.crash("n1");

        assertThat(t.write("n1", "k", "v", ONE).outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(t.read("n1", "k", ONE).outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    /**
     * Sequential write-then-read chains on many keys at once, random coordinators, slow random
     * latencies: with R + W > N every read after an acknowledged write returns that write.
     */
    private static int[] runChains(long seed, ConsistencyLevel w, ConsistencyLevel r, boolean withReadRepair) {
        TestCluster t = TestCluster.lww(seed, 5, 3); // that seed, 5 nodes, N=3
        t.net.setDefaultLatency(new LatencyDistribution.Exponential(Durations.ms(1), Durations.ms(20)));
        t.net.slow("n1", "n2", 5); // one slow link besides
        if (withReadRepair) {
            t.cluster.setReadRepair(key -> new ReadRepairPolicy.Plan(false, false, ReadRepairPolicy.Repair.BLOCKING, false));
        }
        Random random = new Random(seed); // the test's own workload choices, seeded
        Map<String, String> lastAcked = new HashMap<>();
        int[] counts = new int[2]; // reads checked, stale reads
        List<String> nodes = t.cluster.nodes();
        for (int k = 0; k < 20; k++) {
            String key = "key" + k;
            chain(t, random, nodes, key, 0, w, r, lastAcked, counts);
        }
        t.runFor(Durations.seconds(120));
        return counts;
    }

    private static void chain(TestCluster t, Random random, List<String> nodes, String key, int round,
                              ConsistencyLevel w, ConsistencyLevel r, Map<String, String> lastAcked, int[] counts) {
        if (round == 15) {
            return;
        }
        String value = key + "-v" + round;
        t.cluster.write(nodes.get(random.nextInt(nodes.size())), key, value, w, wr -> {
            assertThat(wr.outcome()).as("write %s", value).isEqualTo(Outcome.OK);
            lastAcked.put(key, value);
            t.cluster.read(nodes.get(random.nextInt(nodes.size())), key, r, rr -> {
                assertThat(rr.outcome()).as("read after %s", value).isEqualTo(Outcome.OK);
                counts[0]++;
                if (!rr.shownValue().equals(lastAcked.get(key))) {
                    counts[1]++;
                }
                chain(t, random, nodes, key, round + 1, w, r, lastAcked, counts);
            });
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void withQuorumReadsAndWritesEveryReadReturnsTheLastAcknowledgedWrite(long seed) {
        int[] counts = runChains(seed, QUORUM, QUORUM, false);

        assertThat(counts[0]).as("seed %d: reads checked", seed).isEqualTo(20 * 15);
        assertThat(counts[1]).as("seed %d: stale reads", seed).isZero();
    }

    @ParameterizedTest(name = "seed {0}, W={1}, R={2}")
    @CsvSource({"1, ONE, ALL", "2, ALL, ONE", "3, TWO, TWO", "4, QUORUM, QUORUM"})
    void anyLevelsWithROverlappingWNeverReadStale(long seed, ConsistencyLevel w, ConsistencyLevel r) {
        int[] counts = runChains(seed, w, r, true);

        assertThat(counts[0]).as("seed %d: reads checked", seed).isEqualTo(20 * 15);
        assertThat(counts[1]).as("seed %d: stale reads", seed).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void withOneAndOneAndRandomLatenciesStaleReadsHappen(long seed) {
        int[] counts = runChains(seed, ONE, ONE, false);

        assertThat(counts[0]).as("seed %d: reads checked", seed).isEqualTo(20 * 15);
        assertThat(counts[1]).as("seed %d: stale reads", seed).isPositive();
    }

    @Test
    void withOneAndOneASlowLinkToOneReplicaServesStaleReads() {
        TestCluster t = TestCluster.lww(1, 3, 3); // 1 ms links
        t.net.slow("n1", "n3", 100); // n1 <-> n3 takes 100 ms
        int stale = 0;
        int reads = 0;
        for (int i = 0; i < 50; i++) {
            String key = "key" + i;
            OperationResult w = t.write("n1", key, "v" + i, ONE); // acked by n1 itself at once
            assertThat(w.outcome()).isEqualTo(Outcome.OK);
            OperationResult r = t.read("n3", key, ONE); // n3 answers from its own copy
            reads++;
            if (!r.shownValue().equals("v" + i)) {
                stale++;
            }
        }
        assertThat(reads).isEqualTo(50);
        assertThat(stale).isEqualTo(50);

        t.runFor(Durations.ms(200)); // the slow writes have arrived
        assertThat(t.read("n3", "key0", ONE).shownValue()).isEqualTo("v0");
    }
}
