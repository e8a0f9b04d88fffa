package dev.repairscope.repair.readrepair;

import static dev.repairscope.cluster.ConsistencyLevel.ALL;
import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static dev.repairscope.cluster.ConsistencyLevel.QUORUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.cluster.OperationResult;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.TestCluster;
import dev.repairscope.net.MessageFilter;
import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REFERENCE.md behaviours 1, 4 and 5, and the four read repair variants. Links take 1 ms each way. */
class ReadRepairTest {

    private static final String VIA_READ_REPAIR = MessageKind.READ_REPAIR.label();

    /**
     * Three nodes, N=3, no hints: row A written at QUORUM everywhere, then B written at ONE while
     * writes to n2 and n3 are dropped, so only n1 has B. Returns a key whose preference list is n1, n2, n3.
     */
    private static String onlyN1HasB(TestCluster t) {
        String key = t.keyOwnedBy("n1");
        assertThat(t.cluster.ring().replicasFor(key)).containsExactly("n1", "n2", "n3");
        assertThat(t.write("n1", key, "A", QUORUM).outcome()).isEqualTo(Outcome.OK);
        t.runFor(Durations.ms(10));
        t.net.addFilter(new MessageFilter("no-writes-to-n2", Set.of(MessageKind.WRITE), null, "n2", 1.0, -1));
        t.net.addFilter(new MessageFilter("no-writes-to-n3", Set.of(MessageKind.WRITE), null, "n3", 1.0, -1));
        assertThat(t.write("n1", key, "B", ONE).outcome()).isEqualTo(Outcome.OK);
        t.runFor(Durations.ms(10));
        t.net.removeFilter("no-writes-to-n2");
        t.net.removeFilter("no-writes-to-n3");
        assertThat(List.of(t.valueAt("n1", key), t.valueAt("n2", key), t.valueAt("n3", key)))
                .containsExactly("B", "A", "A");
        return key;
    }

    private static long counter(TestCluster t, String name) {
        return t.cluster.counters().get(name);
    }

    // ---- behaviour 1: foreground (blocking) -------------------------------------------------

    @Test
    void quorumReadThroughTheStaleReplicaReturnsTheNewRowAfterExactlyOneBlockingRepair() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.FOREGROUND, 0);
        String key = onlyN1HasB(t);
        long start = t.sim.now();

        OperationResult read = t.read("n2", key, QUORUM); // n2 reads itself (A) and asks n1 for a digest (B)

        assertThat(read.outcome()).isEqualTo(Outcome.OK);
        assertThat(read.shownValue()).isEqualTo("B");
        assertThat(read.detail()).isEqualTo("after a blocking read repair");
        assertThat(counter(t, "readRepairsForeground")).isEqualTo(1);
        assertThat(counter(t, "readRepairsBackground")).isZero();
        assertThat(counter(t, "digestMismatches")).isEqualTo(1);
        assertThat(counter(t, "readRepairWrites")).isEqualTo(1);
        // digest round trip to n1 (2 ms) + full-data round trip to n1 (2 ms) + repair of n2 itself (local)
        assertThat(read.latency()).isEqualTo(Durations.ms(4));
        assertThat(t.valueAt("n2", key)).isEqualTo("B");
        assertThat(t.valueAt("n3", key)).isEqualTo("A"); // not read, not repaired
        assertThat(t.events(Event.ReadRepairSent.class)).containsExactly(
                new Event.ReadRepairSent(start + Durations.ms(4), read.op(), "n2", "n2", key,
                        read.cells().get(0).label(), "foreground"));
        int repaired = t.indexOf(e -> e instanceof Event.ReplicaApplied a && a.via().equals(VIA_READ_REPAIR));
        int answered = t.indexOf(e -> e instanceof Event.OperationCompleted c && c.op() == read.op());
        assertThat(repaired).isPositive().isLessThan(answered);
    }

    @Test
    void blockingRepairOfARemoteReplicaAddsItsRoundTripToTheReadLatency() {
        long[] latency = new long[2];
        for (ReadRepairMode mode : List.of(ReadRepairMode.NONE, ReadRepairMode.FOREGROUND)) {
            TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
            new ReadRepair(t.cluster, mode, 0);
            String key = onlyN1HasB(t);

            OperationResult read = t.read("n1", key, QUORUM); // n1 reads itself (B), n2 sends a digest (A)

            assertThat(read.shownValue()).as(mode.id()).isEqualTo("B");
            latency[mode == ReadRepairMode.NONE ? 0 : 1] = read.latency();
            if (mode == ReadRepairMode.FOREGROUND) {
                // the round began at the digest mismatch (2 ms in): full data 2 ms + repair write and ack 2 ms
                assertThat(counter(t, "readRepairForegroundMicros")).isEqualTo(Durations.ms(4));
                assertThat(t.valueAt("n2", key)).isEqualTo("B");
            }
        }
        assertThat(latency[0]).isEqualTo(Durations.ms(4));
        assertThat(latency[1]).isEqualTo(Durations.ms(6));
    }

    @Test
    void blockingRepairThatIsDroppedMakesTheReadTimeOut() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.FOREGROUND, 0);
        String key = onlyN1HasB(t);
        t.net.addFilter(new MessageFilter("no-read-repair", Set.of(MessageKind.READ_REPAIR), null, null, 1.0, -1));

        OperationResult read = t.read("n1", key, QUORUM);

        assertThat(read.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(read.latency()).isEqualTo(TestCluster.READ_TIMEOUT);
        assertThat(read.detail()).isEqualTo("the blocking read repair to [n2] was not acknowledged in time");
        assertThat(read.cells()).isEmpty();
        assertThat(counter(t, "readTimeouts")).isEqualTo(1);
        assertThat(t.valueAt("n2", key)).isEqualTo("A");
    }

    @Test
    void blockingRepairMakesSuccessiveQuorumReadsMonotonicAfterAFailedWrite() {
        for (ReadRepairMode mode : List.of(ReadRepairMode.FOREGROUND, ReadRepairMode.NONE)) {
            TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
            new ReadRepair(t.cluster, mode, 0);
            String key = t.keyOwnedBy("n2");
            assertThat(t.cluster.ring().replicasFor(key)).containsExactly("n2", "n3", "n1");
            t.write("n1", key, "v1", ALL);
            t.net.crash("n2");
            t.net.crash("n3");
            TestCluster.Pending write = t.startWrite("n1", key, "v2", QUORUM); // reaches n1 only
            t.runFor(Durations.seconds(1));
            t.net.recover("n2");
            t.net.recover("n3"); // back after 1 s, before the failure detectors noticed
            OperationResult failed = t.await(write);

            OperationResult first = t.read("n1", key, QUORUM); // n1 itself and n2
            OperationResult second = t.read("n3", key, QUORUM); // n3 itself and n2: not n1

            assertThat(failed.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(first.shownValue()).as(mode.id()).isEqualTo("v2");
            // FOREGROUND wrote v2 back to n2 before answering, so the next quorum sees it; NONE goes back in time
            assertThat(second.shownValue()).as(mode.id())
                    .isEqualTo(mode == ReadRepairMode.FOREGROUND ? "v2" : "v1");
        }
    }

    // ---- behaviour 4 ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"foreground", "none"})
    void quorumReadsOfEveryKeyLeaveTheReturningNodeAbleToServeThemAlone(String modeId) {
        ReadRepairMode mode = ReadRepairMode.parse(modeId);
        TestCluster t = TestCluster.lww(1, 2, 2); // two nodes, N=2, no hints
        new ReadRepair(t.cluster, mode, 0);
        int keys = 10_000;
        t.crashAndDetect("n2");
        for (int i = 0; i < keys; i++) {
            assertThat(t.write("n1", "key" + i, "v" + i, ONE).outcome()).isEqualTo(Outcome.OK);
        }
        t.recoverAndDetect("n2");
        assertThat(t.cluster.storage("n2").size()).isZero();

        for (int i = 0; i < keys; i++) {
            OperationResult r = t.read("n1", "key" + i, QUORUM);
            assertThat(r.shownValue()).isEqualTo("v" + i);
        }
        t.crashAndDetect("n1");
        int found = 0;
        for (int i = 0; i < keys; i++) {
            OperationResult r = t.read("n2", "key" + i, ONE);
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            if (r.shownValue().equals("v" + i)) {
                found++;
            }
        }

        if (mode == ReadRepairMode.FOREGROUND) {
            assertThat(found).isEqualTo(10_000);
            assertThat(counter(t, "readRepairsForeground")).isEqualTo(10_000);
            assertThat(t.cluster.storage("n2").size()).isEqualTo(10_000);
        } else {
            assertThat(found).isZero();
            assertThat(counter(t, "digestMismatches")).isEqualTo(10_000);
            assertThat(counter(t, "readRepairWrites")).isZero();
        }
    }

    // ---- behaviour 5: legacy probabilistic ---------------------------------------------------

    @Test
    void probabilisticRepairWithChanceOneRepairsTheOthersInTheBackgroundAfterAnsweringAtOne() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.PROBABILISTIC, 1.0);
        String key = onlyN1HasB(t);
        long start = t.sim.now();

        OperationResult read = t.read("n1", key, ONE);
        t.runFor(Durations.ms(50));

        assertThat(read.shownValue()).isEqualTo("B");
        assertThat(read.latency()).isZero(); // n1 answered from its own copy
        assertThat(counter(t, "readRepairsBackground")).isEqualTo(1);
        assertThat(counter(t, "readRepairsForeground")).isZero();
        assertThat(counter(t, "readRepairWrites")).isEqualTo(2);
        // digests back at 2 ms, full data at 4 ms, repairs land at 5 ms
        assertThat(t.events(Event.ReadRepairSent.class))
                .extracting(Event.ReadRepairSent::at, Event.ReadRepairSent::target, Event.ReadRepairSent::mode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(start + Durations.ms(4), "n2", "background"),
                        org.assertj.core.groups.Tuple.tuple(start + Durations.ms(4), "n3", "background"));
        List<Event.ReplicaApplied> repairs = t.events(Event.ReplicaApplied.class).stream()
                .filter(a -> a.via().equals(VIA_READ_REPAIR)).toList();
        assertThat(repairs).extracting(Event.ReplicaApplied::at, Event.ReplicaApplied::node, Event.ReplicaApplied::changed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(start + Durations.ms(5), "n2", true),
                        org.assertj.core.groups.Tuple.tuple(start + Durations.ms(5), "n3", true));

        int answered = t.indexOf(e -> e instanceof Event.OperationCompleted c && c.op() == read.op());
        int sent = t.indexOf(e -> e instanceof Event.ReadRepairSent);
        int applied = t.indexOf(e -> e instanceof Event.ReplicaApplied a && a.via().equals(VIA_READ_REPAIR));
        assertThat(answered).isLessThan(sent);
        assertThat(sent).isLessThan(applied);
        assertThat(List.of(t.valueAt("n2", key), t.valueAt("n3", key))).containsExactly("B", "B");
    }

    @Test
    void probabilisticReadThroughAStaleReplicaAnswersStaleThenRepairsIt() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.PROBABILISTIC, 1.0);
        String key = onlyN1HasB(t);

        OperationResult read = t.read("n2", key, ONE);
        t.runFor(Durations.ms(50));

        assertThat(read.shownValue()).isEqualTo("A"); // at ONE nothing is compared before answering
        assertThat(t.read("n2", key, ONE).shownValue()).isEqualTo("B");
        assertThat(t.valueAt("n3", key)).isEqualTo("B");
    }

    @Test
    void probabilisticQuorumReadAlsoRepairsTheReplicaItDidNotWaitFor() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.PROBABILISTIC, 1.0);
        String key = onlyN1HasB(t);

        OperationResult read = t.read("n1", key, QUORUM);
        t.runFor(Durations.ms(50));

        assertThat(read.shownValue()).isEqualTo("B");
        assertThat(read.latency()).isEqualTo(Durations.ms(6)); // n2 was repaired before answering
        assertThat(counter(t, "readRepairsForeground")).isEqualTo(1);
        assertThat(counter(t, "readRepairsBackground")).isEqualTo(1);
        assertThat(counter(t, "readRepairWrites")).isEqualTo(2); // n2 in the foreground, n3 afterwards; no rewrite of n2
        assertThat(List.of(t.valueAt("n2", key), t.valueAt("n3", key))).containsExactly("B", "B");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void probabilisticChanceDecidesTheShareOfReadsThatCheckEveryReplica(long seed) {
        TestCluster t = TestCluster.lww(seed, 3, 3); // that seed, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.PROBABILISTIC, 0.3);
        String key = t.keyOwnedBy("n1");
        t.write("n1", key, "v", ALL);
        long before = t.net.messagesSent(MessageKind.READ_DIGEST);

        for (int i = 0; i < 2_000; i++) {
            t.read("n1", key, ONE);
        }
        t.runFor(Durations.ms(50));

        // a chosen read asks n2 and n3 for digests; the others read n1 alone. 600 of 2000 expected, sd 20
        long checked = (t.net.messagesSent(MessageKind.READ_DIGEST) - before) / 2;
        assertThat(checked).as("seed %d", seed).isBetween(530L, 670L);
        assertThat(counter(t, "digestMismatches")).isZero();
    }

    // ---- none and background ----------------------------------------------------------------

    @Test
    void noneReconcilesTheAnswerButLeavesReplicasStale() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.NONE, 0);
        String key = onlyN1HasB(t);

        OperationResult read = t.read("n2", key, QUORUM);
        t.runFor(Durations.ms(50));

        assertThat(read.shownValue()).isEqualTo("B");
        assertThat(read.detail()).isEqualTo("reconciled, nothing written back");
        assertThat(counter(t, "digestMismatches")).isEqualTo(1);
        assertThat(counter(t, "readRepairWrites")).isZero();
        assertThat(t.net.messagesSent(MessageKind.READ_REPAIR)).isZero();
        assertThat(List.of(t.valueAt("n2", key), t.valueAt("n3", key))).containsExactly("A", "A");
    }

    @Test
    void backgroundAnswersFirstThenRepairsEveryOutdatedReplica() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.BACKGROUND, 0);
        String key = onlyN1HasB(t);
        long start = t.sim.now();

        OperationResult read = t.read("n1", key, QUORUM);
        assertThat(List.of(t.valueAt("n2", key), t.valueAt("n3", key))).containsExactly("A", "A");
        t.runFor(Durations.ms(50));

        assertThat(read.shownValue()).isEqualTo("B");
        assertThat(read.latency()).isEqualTo(Durations.ms(2)); // one round trip: no repair in it
        assertThat(read.detail()).isEqualTo("reconciled 2 replies");
        assertThat(t.net.messagesSent(MessageKind.READ_DIGEST)).isZero(); // Riak reads full data everywhere
        assertThat(counter(t, "readRepairsBackground")).isEqualTo(1);
        assertThat(counter(t, "readRepairWrites")).isEqualTo(2);
        int answered = t.indexOf(e -> e instanceof Event.OperationCompleted c && c.op() == read.op());
        int sent = t.indexOf(e -> e instanceof Event.ReadRepairSent);
        assertThat(answered).isLessThan(sent);
        assertThat(t.events(Event.ReadRepairSent.class)).extracting(Event.ReadRepairSent::at)
                .containsOnly(start + Durations.ms(2));
        assertThat(List.of(t.valueAt("n2", key), t.valueAt("n3", key))).containsExactly("B", "B");
    }

    @Test
    void agreeingReplicasNeedNoRepairInAnyMode() {
        for (ReadRepairMode mode : ReadRepairMode.values()) {
            TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
            new ReadRepair(t.cluster, mode, 1.0);
            t.write("n1", "k", "v", ALL);

            OperationResult read = t.read("n2", "k", QUORUM);
            t.runFor(Durations.ms(50));

            assertThat(read.shownValue()).as(mode.id()).isEqualTo("v");
            assertThat(counter(t, "digestMismatches")).as(mode.id()).isZero();
            assertThat(counter(t, "readRepairWrites")).as(mode.id()).isZero();
        }
    }

    // ---- switching --------------------------------------------------------------------------

    @Test
    void switchingModeIsJournaledAndTakesEffectForTheNextRead() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        ReadRepair rr = new ReadRepair(t.cluster, ReadRepairMode.NONE, 0);
        String key = onlyN1HasB(t);
        t.read("n1", key, QUORUM);
        assertThat(t.valueAt("n2", key)).isEqualTo("A");

        rr.setMode(ReadRepairMode.PROBABILISTIC, 0.25);
        rr.setMode(ReadRepairMode.FOREGROUND, 0);
        t.read("n1", key, QUORUM);

        assertThat(t.valueAt("n2", key)).isEqualTo("B");
        assertThat(rr.mode()).isEqualTo(ReadRepairMode.FOREGROUND);
        assertThat(t.events(Event.SettingChanged.class)).extracting(Event.SettingChanged::value)
                .containsExactly("probabilistic (chance 0.25)", "foreground");
    }

    @Test
    void chanceOutsideZeroToOneIsRejected() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        ReadRepair rr = new ReadRepair(t.cluster, ReadRepairMode.NONE, 0);

        assertThatThrownBy(() -> rr.setMode(ReadRepairMode.PROBABILISTIC, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("read repair chance must be in [0, 1], got 1.5");
    }

    @Test
    void modesParseByTheirIds() {
        assertThat(ReadRepairMode.parse(" Background ")).isEqualTo(ReadRepairMode.BACKGROUND);
        assertThat(ReadRepairMode.FOREGROUND.toString()).isEqualTo("foreground");
        assertThatThrownBy(() -> ReadRepairMode.parse("blocking"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown read repair mode \"blocking\": expected one of none, foreground, background, probabilistic");
    }

    @Test
    void constructingDeclaresTheCountersAtZero() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3
        new ReadRepair(t.cluster, ReadRepairMode.FOREGROUND, 0);

        assertThat(t.cluster.counters().snapshot()).containsKeys("readRepairsForeground", "readRepairsBackground",
                "readRepairWrites", "digestMismatches", "readRepairBytes", "readRepairForegroundMicros");
        assertThat(t.cluster.readRepair()).isInstanceOf(ReadRepair.class);
    }
}
