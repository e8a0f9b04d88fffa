package dev.repairscope.cluster;

import dev.repairscope.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster's shape and timing. Defaults follow Cassandra: write timeout 2 s, read timeout 5 s,
 * gc_grace 10 days.
 *
 * @param nodes node count (named n1..nK)
 * @param replicationFactor N
 * @param vnodes tokens per node (1 draws evenly spaced tokens)
 * @param versioning last-write-wins or vector clocks
 * @param clockSkew per-node clock offset in microseconds (LWW timestamps come from these clocks)
 * @param gcGrace how long a tombstone is kept before it may be purged
 * @param detectionDelay how long heartbeats must fail before a node is believed down
 * @param recoveryDelay how long heartbeats must flow before a node is believed up again
 * @param writeTimeout how long a coordinator waits for write acks
 * @param readTimeout how long a coordinator waits for read replies (and blocking repairs)
 */
public record ClusterConfig(int nodes, int replicationFactor, int vnodes, Versioning versioning,
                            Map<String, Long> clockSkew, long gcGrace, long detectionDelay, long recoveryDelay,
                            long writeTimeout, long readTimeout) {

    public ClusterConfig {
        clockSkew = Map.copyOf(clockSkew);
    }

    public static ClusterConfig defaults() {
        return new ClusterConfig(3, 3, 1, Versioning.LWW, Map.of(), Durations.seconds(864_000),
                Durations.seconds(5), Durations.seconds(1), Durations.seconds(2), Durations.seconds(5));
    }

    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add("n" + i);
        }
        return names;
    }
}
