package dev.repairscope.cluster;

import static dev.repairscope.cluster.ConsistencyLevel.ALL;
import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static dev.repairscope.cluster.ConsistencyLevel.QUORUM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersioningTest {

    private static Cell live(String value, long ts, long writeId) {
        return new Cell("k", value, false, ts, VectorClock.EMPTY, writeId);
    }

    private static Cell tombstone(long ts, long writeId) {
        return new Cell("k", null, true, ts, VectorClock.EMPTY, writeId);
    }

    private static Cell versioned(String value, String clock, long writeId) {
        return new Cell("k", value, false, 0, VectorClock.parse(clock), writeId);
    }

    // ---- last write wins ----------------------------------------------------------------------

    @Test
    void lastWriteWinsKeepsTheHighestTimestampWhateverTheArrivalOrder() {
        Cell older = live("old", 100, 1);
        Cell newer = live("new", 200, 2);

        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(older, newer))).containsExactly(newer);
        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(newer, older))).containsExactly(newer);
    }

    @Test
    void onATimestampTieTheTombstoneWins() {
        Cell value = live("v", 100, 1);
        Cell delete = tombstone(100, 2);

        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(value, delete))).containsExactly(delete);
        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(delete, value))).containsExactly(delete);
    }

    @Test
    void onATimestampTieBetweenValuesTheGreaterValueWinsOnEveryReplica() {
        Cell a = live("apple", 100, 1);
        Cell b = live("banana", 100, 2);

        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(a, b))).containsExactly(b);
        assertThat(Versioning.LWW.mergeAll(List.of(), List.of(b, a))).containsExactly(b);
    }

    @Test
    void clockSkewMakesALaterAcknowledgedWriteLose() {
        ClusterConfig cfg = new ClusterConfig(3, 3, 1, Versioning.LWW,
                Map.of("n1", Durations.seconds(10)), // n1's clock runs 10 s ahead
                TestCluster.GC_GRACE, TestCluster.DETECTION, TestCluster.RECOVERY,
                TestCluster.WRITE_TIMEOUT, TestCluster.READ_TIMEOUT);
        TestCluster t = new TestCluster(1, cfg);

        OperationResult first = t.write("n1", "k", "v1", ALL);
        t.runFor(Durations.seconds(1));
        OperationResult second = t.write("n2", "k", "v2", ALL); // one second later in real time

        assertThat(first.cells().get(0).timestamp()).isEqualTo(10_000_000);
        assertThat(second.outcome()).isEqualTo(Outcome.OK);
        assertThat(second.cells().get(0).timestamp()).isEqualTo(1_002_000);
        assertThat(t.read("n3", "k", ALL).shownValue()).isEqualTo("v1"); // the acknowledged v2 is lost
        assertThat(t.valueAt("n1", "k")).isEqualTo("v1");
        assertThat(t.valueAt("n2", "k")).isEqualTo("v1");
    }

    @Test
    void timestampsFromOneNodeStrictlyIncreaseEvenWithinOneMicrosecond() {
        TestCluster t = TestCluster.lww(1, 3, 3); // seed 1, 3 nodes, N=3

        assertThat(List.of(t.cluster.timestamp("n1"), t.cluster.timestamp("n1"), t.cluster.timestamp("n1")))
                .containsExactly(0L, 1L, 2L);
    }

    // ---- vector clocks ------------------------------------------------------------------------

    @Test
    void aDescendantReplacesItsAncestor() {
        Cell v1 = versioned("v1", "{n1:1}", 1);
        Cell v2 = versioned("v2", "{n1:2}", 2);

        assertThat(Versioning.VECTOR_CLOCKS.mergeAll(List.of(), List.of(v1, v2))).containsExactly(v2);
        assertThat(Versioning.VECTOR_CLOCKS.mergeAll(List.of(), List.of(v2, v1))).containsExactly(v2);
    }

    @Test
    void concurrentVersionsBecomeSiblingsAndAMergedDescendantReplacesBoth() {
        Cell a = versioned("a", "{n1:2}", 1);
        Cell b = versioned("b", "{n1:1,n2:1}", 2);
        Cell c = versioned("c", "{n1:3,n2:1}", 3);

        List<Cell> siblings = Versioning.VECTOR_CLOCKS.mergeAll(List.of(), List.of(b, a));
        assertThat(siblings).containsExactly(a, b);
        assertThat(Versioning.VECTOR_CLOCKS.merge(siblings, c)).containsExactly(c);
    }

    @Test
    void writesThroughTheSameCoordinatorDescend() {
        TestCluster t = TestCluster.vectorClocks(1, 3, 3); // seed 1, 3 nodes, N=3

        t.write("n1", "k", "v1", ALL);
        OperationResult second = t.write("n1", "k", "v2", ALL);

        assertThat(second.cells().get(0).clock().toString()).isEqualTo("{n1:2}");
        for (String node : List.of("n1", "n2", "n3")) {
            assertThat(t.cluster.storage(node).get("k")).as(node).hasSize(1);
            assertThat(t.valueAt(node, "k")).as(node).isEqualTo("v2");
        }
    }

    @Test
    void concurrentWritesOnBothSidesOfAPartitionComeBackAsSiblings() {
        TestCluster t = TestCluster.vectorClocks(1, 3, 3); // seed 1, 3 nodes, N=3
        t.cluster.setReadRepair(key -> new ReadRepairPolicy.Plan(false, false, ReadRepairPolicy.Repair.BLOCKING, false));
        t.write("n1", "k", "x", ALL); // {n1:1} everywhere
        t.net.partition(List.of(List.of("n1"), List.of("n2", "n3")));
        t.runFor(TestCluster.DETECTION + Durations.ms(1));

        OperationResult a = t.write("n1", "k", "a", ONE); // n1 alone
        OperationResult b = t.write("n2", "k", "b", ONE); // n2 and n3
        t.runFor(Durations.ms(10));
        t.net.healAll();
        t.runFor(TestCluster.RECOVERY + Durations.ms(1));

        assertThat(a.cells().get(0).clock().toString()).isEqualTo("{n1:2}");
        assertThat(b.cells().get(0).clock().toString()).isEqualTo("{n1:1,n2:1}");
        assertThat(t.valueAt("n1", "k")).isEqualTo("a");
        assertThat(t.valueAt("n3", "k")).isEqualTo("b");

        OperationResult read = t.read("n1", "k", ALL);
        assertThat(read.shownValue()).isEqualTo("[a | b]");
        assertThat(read.cells()).hasSize(2);

        // the blocking read repair gave n1 both siblings: its next write descends from both
        assertThat(t.valueAt("n1", "k")).isEqualTo("[a | b]");
        t.runFor(Durations.ms(10));
        OperationResult resolved = t.write("n1", "k", "ab", ALL);
        assertThat(resolved.cells().get(0).clock().toString()).isEqualTo("{n1:3,n2:1}");
        assertThat(t.read("n3", "k", ALL).shownValue()).isEqualTo("ab");
    }

    @Test
    void successiveWritesThroughACoordinatorThatIsNotAReplicaAreNotLost() {
        TestCluster t = TestCluster.vectorClocks(1, 4, 2); // 4 nodes, N=2
        String key = t.keyOwnedBy("n1"); // replicas n1, n2: n4 holds nothing of it

        OperationResult first = t.write("n4", key, "v1", ALL);
        OperationResult second = t.write("n4", key, "v2", ALL);

        assertThat(second.cells().get(0).clock().descends(first.cells().get(0).clock())).isTrue();
        assertThat(second.cells().get(0).clock()).isNotEqualTo(first.cells().get(0).clock());
        assertThat(t.read("n1", key, ALL).shownValue()).isEqualTo("v2");
    }

    // ---- tombstones ---------------------------------------------------------------------------

    private static ClusterConfig withGcGrace(long gcGrace) {
        return new ClusterConfig(3, 3, 1, Versioning.LWW, Map.of(), gcGrace, TestCluster.DETECTION,
                TestCluster.RECOVERY, TestCluster.WRITE_TIMEOUT, TestCluster.READ_TIMEOUT);
    }

    @Test
    void tombstonesArePurgedByCompactionOnceGcGraceHasPassed() {
        TestCluster t = new TestCluster(1, withGcGrace(Durations.seconds(10))); // compaction every 1 s
        t.write("n1", "k", "v", ALL);
        t.runFor(Durations.ms(500));
        OperationResult delete = t.delete("n1", "k", ALL);
        long deletedAt = delete.cells().get(0).timestamp();

        t.runFor(Durations.seconds(5));
        assertThat(t.valueAt("n2", "k")).isEqualTo("(deleted)");
        assertThat(t.read("n2", "k", ALL).shownValue()).isEqualTo("not found");

        t.runFor(Durations.seconds(10));
        List<Event.TombstonePurged> purged = t.events(Event.TombstonePurged.class);
        assertThat(purged).extracting(Event.TombstonePurged::node).containsExactly("n1", "n2", "n3");
        assertThat(purged).allSatisfy(p -> {
            assertThat(p.key()).isEqualTo("k");
            assertThat(p.at()).isGreaterThanOrEqualTo(deletedAt + Durations.seconds(10))
                    .isLessThanOrEqualTo(deletedAt + Durations.seconds(11));
        });
        for (String node : List.of("n1", "n2", "n3")) {
            assertThat(t.cluster.storage(node).contains("k")).as(node).isFalse();
        }
    }

    @Test
    void aReplicaThatMissedADeleteResurrectsTheValueAfterTheTombstoneIsPurgedElsewhere() {
        TestCluster t = new TestCluster(1, withGcGrace(Durations.seconds(10)));
        t.cluster.setReadRepair(key -> new ReadRepairPolicy.Plan(false, false, ReadRepairPolicy.Repair.BLOCKING, false));
        t.write("n1", "k", "zombie", ALL);
        t.crashAndDetect("n3");
        OperationResult delete = t.delete("n1", "k", QUORUM); // n3 misses it
        assertThat(delete.outcome()).isEqualTo(Outcome.OK);
        t.recoverAndDetect("n3");

        t.runFor(Durations.seconds(12)); // gc_grace passes: n1 and n2 forget the delete
        assertThat(t.events(Event.TombstonePurged.class)).extracting(Event.TombstonePurged::node)
                .containsExactly("n1", "n2");
        assertThat(t.valueAt("n1", "k")).isNull();
        assertThat(t.valueAt("n3", "k")).isEqualTo("zombie");

        OperationResult read = t.read("n3", "k", QUORUM); // n3 holds the only version left
        assertThat(read.shownValue()).isEqualTo("zombie");
        assertThat(t.read("n1", "k", ALL).shownValue()).isEqualTo("zombie");
        for (String node : List.of("n1", "n2", "n3")) {
            assertThat(t.valueAt(node, "k")).as(node).isEqualTo("zombie");
        }
    }

    @Test
    void aDeleteSeenEverywhereBeforeGcGraceStaysDeleted() {
        TestCluster t = new TestCluster(1, withGcGrace(Durations.seconds(10)));
        t.cluster.setReadRepair(key -> new ReadRepairPolicy.Plan(false, false, ReadRepairPolicy.Repair.BLOCKING, false));
        t.write("n1", "k", "v", ALL);
        t.crashAndDetect("n3");
        t.delete("n1", "k", QUORUM);
        t.recoverAndDetect("n3");

        OperationResult repairingRead = t.read("n3", "k", ALL); // within gc_grace: the tombstone wins
        t.runFor(Durations.seconds(12));

        assertThat(repairingRead.shownValue()).isEqualTo("not found");
        assertThat(t.read("n3", "k", ALL).shownValue()).isEqualTo("not found");
        assertThat(t.events(Event.TombstonePurged.class)).hasSize(3);
    }
}
