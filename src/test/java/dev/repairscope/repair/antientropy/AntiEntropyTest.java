package dev.repairscope.repair.antientropy;

import static dev.repairscope.repair.antientropy.AeFixtures.cell;
import static dev.repairscope.repair.antientropy.AeFixtures.counter;
import static dev.repairscope.repair.antientropy.AeFixtures.events;
import static dev.repairscope.repair.antientropy.AeFixtures.load;
import static dev.repairscope.repair.antientropy.AeFixtures.loadJournaled;
import static dev.repairscope.repair.antientropy.AeFixtures.runFor;
import static dev.repairscope.repair.antientropy.AeFixtures.threeNodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.RandomSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AntiEntropyTest {
    private static final long SECOND = Durations.seconds(1);

    private static Set<String> outOfSyncPairs(Cluster cluster) {
        return events(cluster, Event.RangesOutOfSync.class).stream()
                .map(e -> e.nodeA() + "-" + e.nodeB()).collect(Collectors.toSet());
    }

    // ---- REFERENCE.md behaviour 3 -------------------------------------------------------------

    @Test
    void repairFromN1FindsExactlyThePairsWithN3OutOfSync() {
        // Three nodes, N=3, no hints; 1000 keys at ALL. n3 down; 1 key at TWO; n3 back; 1000 more at ALL.
        Cluster c = threeNodes(3);
        for (int i = 0; i < 1000; i++) {
            c.write("n1", "a" + i, "v", ConsistencyLevel.ALL, null);
        }
        runFor(c, SECOND);
        c.network().crash("n3");
        c.write("n1", "missed", "v", ConsistencyLevel.TWO, null);
        runFor(c, SECOND);
        c.network().recover("n3");
        for (int i = 0; i < 1000; i++) {
            c.write("n2", "b" + i, "v", ConsistencyLevel.ALL, null);
        }
        runFor(c, SECOND);
        assertThat(c.storage("n3").size()).isEqualTo(2000);
        assertThat(c.storage("n1").size()).isEqualTo(2001);
        assertThat(c.storage("n2").size()).isEqualTo(2001);

        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults());
        ae.sweepNow();
        runFor(c, 30 * SECOND);

        assertThat(outOfSyncPairs(c)).containsExactlyInAnyOrder("n1-n3", "n2-n3");
        assertThat(events(c, Event.RangesOutOfSync.class)).allSatisfy(e -> assertThat(e.ranges()).isEqualTo(1));
        assertThat(events(c, Event.RangesOutOfSync.class).get(0).describe()).startsWith("n1 and n3 have 1 range(s) out of sync");
        assertThat(c.storage("n3").size()).isEqualTo(2001);
        assertThat(events(c, Event.RepairSessionFinished.class)).hasSize(3)
                .allSatisfy(e -> assertThat(e.result()).doesNotStartWith("failed"));
        assertThat(counter(c, AntiEntropy.SESSIONS)).isEqualTo(3);
        assertThat(counter(c, AntiEntropy.RANGES_OUT_OF_SYNC)).isEqualTo(2);
        // one validation per replica for the whole sweep, as Cassandra validates each replica once per job
        assertThat(counter(c, AntiEntropy.SCAN_ROWS)).isEqualTo(2001 + 2001 + 2000);
    }

    // ---- bandwidth ------------------------------------------------------------------------------

    private record Cost(long wire, long naive, long rowsStreamed, long rowsDiffering, long merkle) {
    }

    /** n1 and n3 hold {@code keys} keys except that n3 misses k7; repair(n1, n3). */
    private static Cost repairOneMissingRow(int keys, int depth) {
        Cluster c = threeNodes(11);
        load(c, keys, "n1", "n2");
        for (int i = 0; i < keys; i++) {
            if (i != 7) {
                c.storage("n3").apply(cell("k" + i, i + 1));
            }
        }
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withDepth(depth));
        ae.repair("n1", "n3");
        runFor(c, 30 * SECOND);
        assertThat(c.storage("n3").contains("k7")).isTrue();
        return new Cost(counter(c, AntiEntropy.MERKLE_BYTES) + counter(c, AntiEntropy.BYTES_STREAMED),
                counter(c, AntiEntropy.NAIVE_COMPARISON_BYTES), counter(c, AntiEntropy.ROWS_STREAMED),
                counter(c, AntiEntropy.ROWS_ACTUALLY_DIFFERING), counter(c, AntiEntropy.MERKLE_BYTES));
    }

    @Test
    void bandwidthFollowsDivergenceNotDataSize() {
        Cost small = repairOneMissingRow(/* keys= */ 1_000, /* depth= */ 10);
        Cost large = repairOneMissingRow(/* keys= */ 10_000, /* depth= */ 10);

        double wireGrowth = (double) large.wire() / small.wire();
        double naiveGrowth = (double) large.naive() / small.naive();
        assertThat(wireGrowth).as("Merkle + streamed bytes, 10x data").isLessThan(2.0);
        assertThat(naiveGrowth).as("row-by-row comparison, 10x data").isBetween(9.0, 12.0);
        assertThat(large.wire()).isLessThan(large.naive() / 20);
        assertThat(small.rowsDiffering()).isEqualTo(1);
        assertThat(large.rowsDiffering()).isEqualTo(1);
    }

    @Test
    void shallowTreesOverstreamDeepTreesSendMoreHashes() {
        Cost shallow = repairOneMissingRow(/* keys= */ 2_000, /* depth= */ 2);
        Cost deep = repairOneMissingRow(/* keys= */ 2_000, /* depth= */ 12);

        assertThat(shallow.rowsDiffering()).isEqualTo(1);
        assertThat(deep.rowsDiffering()).isEqualTo(1);
        // 12 leaves over 2000 keys: a whole leaf (~170 rows each way) for one missing row
        assertThat(shallow.rowsStreamed()).isGreaterThan(200);
        assertThat(deep.rowsStreamed()).isBetween(1L, 4L);
        assertThat(shallow.rowsStreamed()).isGreaterThan(50 * deep.rowsStreamed());
        assertThat(deep.merkle()).isGreaterThan(2 * shallow.merkle());
    }

    // ---- stepping -------------------------------------------------------------------------------

    @Test
    void stepExchangeAdvancesExactlyOneLevelPerCall() {
        Cluster c = threeNodes(5);
        load(c, 300, "n1", "n2");
        load(c, 300, "n3");
        c.storage("n1").apply(cell("only-on-n1", 9_999));
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withDepth(3));

        ae.repairStepwise("n1", "n3");
        runFor(c, 5 * SECOND);
        assertThat(events(c, Event.RepairSessionStarted.class)).as("a stepwise session waits for the first step").isEmpty();

        for (int level = 0; level <= 3; level++) {
            assertThat(ae.stepExchange()).isTrue();
            assertThat(ae.stepExchange()).as("the level in flight has not come back").isFalse();
            runFor(c, 5 * SECOND);
            List<Event.MerkleLevelCompared> compared = events(c, Event.MerkleLevelCompared.class);
            assertThat(compared).hasSize(level + 1);
            assertThat(compared.get(level).level()).isEqualTo(level);
            assertThat(compared.get(level).differing()).isEqualTo(1);
            assertThat(compared.get(level).compared()).isEqualTo(level == 0 ? 3 : 2); // 3 roots, then 2 children
            assertThat(ae.currentExchange()).get().satisfies(v -> assertThat(v.waitingForStep()).isTrue());
        }
        assertThat(events(c, Event.RangesOutOfSync.class)).hasSize(1);
        assertThat(events(c, Event.RepairSessionFinished.class)).as("nothing streams before the next step").isEmpty();

        ExchangeView view = ae.currentExchange().orElseThrow();
        List<ExchangeView.LeafView> leaves = view.ranges().stream().flatMap(r -> r.leavesToStream().stream()).toList();
        assertThat(leaves).hasSize(1);
        assertThat(leaves.get(0).rows()).filteredOn(ExchangeView.RowView::differs)
                .extracting(ExchangeView.RowView::key).containsExactly("only-on-n1");
        assertThat(view.ranges()).flatExtracting(ExchangeView.RangeView::nodes)
                .filteredOn(n -> n.level() == 0).extracting(ExchangeView.TreeNode::mark)
                .containsExactlyInAnyOrder(ExchangeView.Mark.DIFFERS, ExchangeView.Mark.MATCHED, ExchangeView.Mark.MATCHED);

        assertThat(ae.stepExchange()).as("into streaming").isTrue();
        runFor(c, 5 * SECOND);
        assertThat(events(c, Event.RepairSessionFinished.class)).singleElement()
                .satisfies(e -> assertThat(e.result()).isEqualTo("succeeded"));
        assertThat(c.storage("n3").contains("only-on-n1")).isTrue();
        assertThat(ae.currentExchange()).get().satisfies(v -> assertThat(v.phase()).isEqualTo(ExchangeView.Phase.REPAIRED));
        assertThat(ae.stepExchange()).as("nothing left to step").isFalse();
    }

    @Test
    void steppingARunningExchangePausesItAfterTheLevelInFlight() {
        Cluster c = threeNodes(6);
        load(c, 100, "n1", "n3");
        c.storage("n1").apply(cell("extra", 5_000));
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withDepth(4));

        ae.repair("n1", "n3");
        assertThat(ae.stepExchange()).isTrue();
        runFor(c, 5 * SECOND);

        assertThat(events(c, Event.MerkleLevelCompared.class)).hasSize(1);
        assertThat(ae.currentExchange().orElseThrow().manual()).isTrue();
    }

    // ---- failures -------------------------------------------------------------------------------

    @Test
    void aSessionWithACrashedPeerFailsAfterTheTimeout() {
        Cluster c = threeNodes(7);
        load(c, 100, "n1", "n2", "n3");
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults());
        c.network().crash("n3"); // not yet detected: n1 still believes n3 is up

        long start = c.sim().now();
        ae.repair("n1", "n3");
        runFor(c, 30 * SECOND);

        Event.RepairSessionFinished finished = events(c, Event.RepairSessionFinished.class).get(0);
        assertThat(finished.result()).startsWith("failed (no Merkle hashes from n3 within 10s");
        assertThat(finished.at() - start).isEqualTo(AntiEntropy.REPLY_TIMEOUT);
        assertThat(counter(c, AntiEntropy.SESSIONS_FAILED)).isEqualTo(1);
        assertThat(counter(c, AntiEntropy.SESSIONS)).isEqualTo(1);
    }

    @Test
    void aPeerBelievedDownFailsTheSessionAtOnceAsCassandraDoes() {
        Cluster c = threeNodes(8);
        load(c, 100, "n1", "n2", "n3");
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults());
        c.network().crash("n3");
        runFor(c, 10 * SECOND); // past the detection delay

        ae.repair("n1", "n3");
        ae.repair("n1", "n2");
        runFor(c, 30 * SECOND);

        List<Event.RepairSessionFinished> finished = events(c, Event.RepairSessionFinished.class);
        assertThat(finished.get(0).result()).contains("n1 believes n3 is down");
        assertThat(finished.get(0).at()).isEqualTo(Durations.seconds(10));
        assertThat(finished.get(1).result()).as("the queue moves on").isEqualTo("found them in sync");
        assertThat(counter(c, AntiEntropy.SESSIONS_FAILED)).isEqualTo(1);
    }

    @Test
    void aPartitionDuringStreamingFailsTheSession() {
        Cluster c = threeNodes(9);
        load(c, 200, "n1", "n2");
        load(c, 150, "n3");
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withDepth(2));
        ae.repairStepwise("n1", "n3");
        for (int level = 0; level <= 2; level++) {
            ae.stepExchange();
            runFor(c, SECOND);
        }
        c.network().cut("n1", "n3", false);

        ae.stepExchange(); // stream into the cut link
        runFor(c, 30 * SECOND);

        assertThat(events(c, Event.RepairSessionFinished.class)).singleElement()
                .satisfies(e -> assertThat(e.result()).contains("the stream with n3 did not complete"));
        assertThat(counter(c, AntiEntropy.SESSIONS_FAILED)).isEqualTo(1);
    }

    // ---- tree maintenance -----------------------------------------------------------------------

    /** Sweep, write 5 keys at ALL, sweep again; returns rows scanned by the second sweep. */
    private static long[] twoSweeps(TreeMaintenance maintenance) {
        Cluster c = threeNodes(12);
        loadJournaled(c, 1000, "n1", "n2");
        loadJournaled(c, 1000, "n3");
        c.apply("n1", List.of(cell("late", 50_000)), "test load");
        c.apply("n2", List.of(cell("late", 50_000)), "test load");
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withMaintenance(maintenance));
        ae.sweepNow();
        runFor(c, 30 * SECOND);
        assertThat(c.storage("n3").size()).isEqualTo(1001);
        long scannedFirst = counter(c, AntiEntropy.SCAN_ROWS);
        int outOfSyncFirst = events(c, Event.RangesOutOfSync.class).size();

        for (int i = 0; i < 5; i++) {
            c.write("n1", "new" + i, "v", ConsistencyLevel.ALL, null);
        }
        runFor(c, SECOND);
        ae.sweepNow();
        runFor(c, 30 * SECOND);

        assertThat(events(c, Event.RangesOutOfSync.class)).as("the second sweep finds everything in sync")
                .hasSize(outOfSyncFirst);
        return new long[] {scannedFirst, counter(c, AntiEntropy.SCAN_ROWS) - scannedFirst,
                counter(c, AntiEntropy.LEAVES_REHASHED), outOfSyncFirst};
    }

    @Test
    void buildOnRepairScansEverythingAtEveryRepair() {
        long[] cost = twoSweeps(TreeMaintenance.BUILD_ON_REPAIR);

        assertThat(cost[0]).isEqualTo(1001 + 1001 + 1000);
        assertThat(cost[1]).isEqualTo(3 * 1006);
        assertThat(cost[2]).isZero();
        assertThat(cost[3]).as("{n1,n3} and {n2,n3}: both compared against the same validation").isEqualTo(2);
    }

    @Test
    void incrementalTreesScanOnceThenRehashOnlyDirtyLeaves() {
        long[] cost = twoSweeps(TreeMaintenance.INCREMENTAL);

        assertThat(cost[0]).as("the first exchange builds each tree by a full scan").isEqualTo(1001 + 1001 + 1000);
        assertThat(cost[1]).as("no scan afterwards").isZero();
        // the streamed row dirtied one leaf on n3; each of the 5 writes one leaf on every replica
        assertThat(cost[2]).isBetween(1L + 5, 1L + 3 * 5);
        assertThat(cost[3]).as("Riak's live trees: {n2,n3} already sees the row {n1,n3} repaired").isEqualTo(1);
    }

    // ---- triggers and settings ------------------------------------------------------------------

    @Test
    void scheduledSweepsRunEveryIntervalUntilDisabled() {
        Cluster c = threeNodes(13);
        load(c, 100, "n1", "n2");
        load(c, 99, "n3");
        AntiEntropySettings every = new AntiEntropySettings(true, Durations.seconds(60), 8, TreeMaintenance.BUILD_ON_REPAIR);
        AntiEntropy ae = new AntiEntropy(c, every);

        c.sim().runUntil(Durations.seconds(59));
        assertThat(counter(c, AntiEntropy.SESSIONS)).isZero();
        c.sim().runUntil(Durations.seconds(90));
        assertThat(counter(c, AntiEntropy.SESSIONS)).isEqualTo(3);
        assertThat(c.storage("n3").size()).isEqualTo(100);

        ae.update(every.withEnabled(false));
        c.sim().runUntil(Durations.seconds(600));
        assertThat(counter(c, AntiEntropy.SESSIONS)).isEqualTo(3);
        assertThat(events(c, Event.SettingChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("sweeps off, depth 8, build-on-repair"));
        assertThat(ae.settings().enabled()).isFalse();
    }

    @Test
    void aSweepWithVnodesConvergesEveryReplica() {
        Cluster c = AeFixtures.cluster(21, 5, 3, 8);
        RandomSource.Stream random = c.sim().random().stream("test.divergence");
        for (int i = 0; i < 500; i++) {
            String key = "key" + i;
            for (String replica : c.ring().replicasFor(key)) {
                if (!random.decide(0.1)) {
                    c.storage(replica).apply(cell(key, i + 1));
                }
            }
        }
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults().withDepth(6));

        ae.sweepNow();
        runFor(c, Durations.seconds(120));

        for (int i = 0; i < 500; i++) {
            String key = "key" + i;
            List<String> replicas = c.ring().replicasFor(key);
            boolean anyHas = replicas.stream().anyMatch(r -> c.storage(r).contains(key));
            for (String replica : replicas) {
                assertThat(c.storage(replica).contains(key)).as("%s on %s", key, replica).isEqualTo(anyHas);
            }
        }
        assertThat(counter(c, AntiEntropy.SESSIONS_FAILED)).isZero();
        assertThat(counter(c, AntiEntropy.ROWS_ACTUALLY_DIFFERING)).isPositive();
    }

    @Test
    void streamedSiblingsMergeIntoBothReplicas() {
        Cluster c = AeFixtures.cluster(31, 3, 3, 1, Versioning.VECTOR_CLOCKS);
        load(c, 50, "n1", "n2", "n3");
        Cell fromN1 = new Cell("cart", "milk", false, 10, VectorClock.EMPTY.increment("n1"), 101);
        Cell fromN3 = new Cell("cart", "eggs", false, 11, VectorClock.EMPTY.increment("n3"), 102);
        c.storage("n1").apply(fromN1);
        c.storage("n3").apply(fromN3);
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults());

        ae.repair("n1", "n3");
        runFor(c, 10 * SECOND);

        assertThat(c.storage("n1").get("cart")).containsExactlyInAnyOrder(fromN1, fromN3);
        assertThat(c.storage("n3").get("cart")).isEqualTo(c.storage("n1").get("cart"));
        assertThat(counter(c, AntiEntropy.ROWS_ACTUALLY_DIFFERING)).isEqualTo(1);
        assertThat(counter(c, AntiEntropy.ROWS_STREAMED)).isEqualTo(2); // the key's leaf, both ways
    }

    @Test
    void sameSeedSameJournal() {
        String first = sweptJournal();
        assertThat(sweptJournal()).isEqualTo(first);
    }

    private static String sweptJournal() {
        Cluster c = threeNodes(99);
        loadJournaled(c, 300, "n1", "n2");
        loadJournaled(c, 290, "n3");
        new AntiEntropy(c, AntiEntropySettings.defaults().withMaintenance(TreeMaintenance.INCREMENTAL)).sweepNow();
        runFor(c, 30 * SECOND);
        return c.sim().journal().digest();
    }

    @Test
    void badPairsAreRefusedAndDisjointPairsHaveNothingToCompare() {
        Cluster c = AeFixtures.cluster(4, 4, 1, 1);
        AntiEntropy ae = new AntiEntropy(c, AntiEntropySettings.defaults());

        assertThatThrownBy(() -> ae.repair("n1", "n9")).hasMessageContaining("unknown node n9");
        assertThatThrownBy(() -> ae.repair("n1", "n1")).hasMessageContaining("two different nodes");
        ae.repair("n1", "n2"); // N=1: no range is on two nodes
        assertThat(events(c, Event.RepairSessionFinished.class)).singleElement()
                .satisfies(e -> assertThat(e.result()).contains("nothing to compare"));
    }

    @Test
    void settingsParseAndValidate() {
        assertThat(TreeMaintenance.parse("build-on-repair")).isEqualTo(TreeMaintenance.BUILD_ON_REPAIR);
        assertThat(TreeMaintenance.parse(" Incremental ")).isEqualTo(TreeMaintenance.INCREMENTAL);
        assertThatThrownBy(() -> TreeMaintenance.parse("weekly")).isInstanceOf(IllegalArgumentException.class);
        AntiEntropySettings defaults = AntiEntropySettings.defaults();
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.interval()).isEqualTo(Durations.seconds(600));
        assertThat(defaults.depth()).isEqualTo(10);
        assertThat(defaults.maintenance()).isEqualTo(TreeMaintenance.BUILD_ON_REPAIR);
        assertThatThrownBy(() -> defaults.withDepth(21)).isInstanceOf(IllegalArgumentException.class);
    }
}
