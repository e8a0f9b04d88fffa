package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.List;
import java.util.Map;

/** Small builders shared by the anti-entropy tests. */
final class AeFixtures {
    private AeFixtures() {
    }

    /** K nodes, replication factor N, Cassandra's default timings, last-write-wins. */
    static Cluster cluster(long seed, int nodes, int replicationFactor, int vnodes) {
        return cluster(seed, nodes, replicationFactor, vnodes, Versioning.LWW);
    }

    static Cluster cluster(long seed, int nodes, int replicationFactor, int vnodes, Versioning versioning) {
        ClusterConfig config = new ClusterConfig(nodes, replicationFactor, vnodes, versioning, Map.of(),
                Durations.seconds(864_000), Durations.seconds(5), Durations.seconds(1), Durations.seconds(2),
                Durations.seconds(5));
        Simulation sim = new Simulation(seed);
        Network network = new Network(sim, config.nodeNames());
        return new Cluster(sim, config, network);
    }

    static Cluster threeNodes(long seed) {
        return cluster(seed, 3, 3, 1);
    }

    static Cell cell(String key, long writeId) {
        return new Cell(key, "v" + writeId, false, 1_000 + writeId, VectorClock.EMPTY, writeId);
    }

    /** Puts keys k0..k(count-1) straight into the storages of {@code nodes} (no journal, no network). */
    static void load(Cluster cluster, int count, String... nodes) {
        for (int i = 0; i < count; i++) {
            for (String node : nodes) {
                cluster.storage(node).apply(cell("k" + i, i + 1));
            }
        }
    }

    /** Same, but through {@link Cluster#apply} so the journal (and incremental trees) see it. */
    static void loadJournaled(Cluster cluster, int count, String... nodes) {
        for (int i = 0; i < count; i++) {
            for (String node : nodes) {
                cluster.apply(node, List.of(cell("k" + i, i + 1)), "test load");
            }
        }
    }

    static <T extends Event> List<T> events(Cluster cluster, Class<T> type) {
        return cluster.sim().journal().events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static void runFor(Cluster cluster, long micros) {
        cluster.sim().runUntil(cluster.sim().now() + micros);
    }

    static long counter(Cluster cluster, String name) {
        return cluster.counters().get(name);
    }
}
