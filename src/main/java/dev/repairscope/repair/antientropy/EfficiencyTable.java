package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Bandwidth follows divergence, not data size", as numbers: two replicas of the same keys, of
 * which {@code d} are missing on the second, repaired by one Merkle exchange; what crossed the
 * wire against what comparing every row's hash would have cost.
 */
public final class EfficiencyTable {

    /** One line of the table. */
    public record Row(int keys, int differing, int depth, long levelsExchanged, long hashesCompared,
                      long rangesOutOfSync, long rowsStreamed, long rowsActuallyDiffering, long merkleBytes,
                      long streamedBytes, long naiveBytes) {

        /** What the exchange sent in all, as a share of the naive comparison. */
        public double shareOfNaive() {
            return naiveBytes == 0 ? 0 : (double) (merkleBytes + streamedBytes) / naiveBytes;
        }
    }

    private EfficiencyTable() {
    }

    /** Builds the two replicas, runs one exchange, and reads the counters. */
    public static Row measure(int keys, int differing, int depth, long seed) {
        if (differing > keys) {
            throw new IllegalArgumentException("cannot differ in " + differing + " of " + keys + " keys");
        }
        ClusterConfig config = new ClusterConfig(2, 2, 1, Versioning.LWW, Map.of(), Durations.parse("10d"),
                Durations.seconds(5), Durations.seconds(1), Durations.seconds(2), Durations.seconds(5));
        Simulation sim = new Simulation(seed);
        Network network = new Network(sim, config.nodeNames());
        network.setDefaultLatency(new LatencyDistribution.Constant(Durations.ms(1)));
        Cluster cluster = new Cluster(sim, config, network);
        AntiEntropy antiEntropy = new AntiEntropy(cluster,
                new AntiEntropySettings(false, Durations.parse("1h"), depth, TreeMaintenance.BUILD_ON_REPAIR));
        fill(cluster, keys, differing, seed);
        long levels = countLevels(sim);
        antiEntropy.repair("n1", "n2");
        sim.runUntil(sim.now() + Durations.seconds(600));
        var c = cluster.counters();
        return new Row(keys, differing, depth, countLevels(sim) - levels, c.get(AntiEntropy.HASHES_COMPARED),
                c.get(AntiEntropy.RANGES_OUT_OF_SYNC), c.get(AntiEntropy.ROWS_STREAMED),
                c.get(AntiEntropy.ROWS_ACTUALLY_DIFFERING), c.get(AntiEntropy.MERKLE_BYTES),
                c.get(AntiEntropy.BYTES_STREAMED), c.get(AntiEntropy.NAIVE_COMPARISON_BYTES));
    }

    /** The table for each divergence in {@code differences}. */
    public static List<Row> table(int keys, List<Integer> differences, int depth, long seed) {
        List<Row> rows = new ArrayList<>();
        for (int d : differences) {
            rows.add(measure(keys, d, depth, seed));
        }
        return rows;
    }

    /** Both replicas get every key, written straight to storage; every (keys/d)-th key is missing on n2. */
    private static void fill(Cluster cluster, int keys, int differing, long seed) {
        long stride = differing == 0 ? Long.MAX_VALUE : Math.max(1, keys / differing);
        int missing = 0;
        for (int i = 0; i < keys; i++) {
            Cell cell = new Cell("key" + i, "v" + seed, false, 1_000L + i, VectorClock.EMPTY, i + 1);
            cluster.storage("n1").apply(cell);
            if (missing < differing && i % stride == 0) {
                missing++;
            } else {
                cluster.storage("n2").apply(cell);
            }
        }
    }

    private static long countLevels(Simulation sim) {
        return sim.journal().events().stream().filter(e -> e instanceof Event.MerkleLevelCompared).count();
    }
}
