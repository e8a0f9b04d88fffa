package dev.repairscope.ui.model;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Storage;
import dev.repairscope.cluster.Versioning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which replicas are behind, right now: for every key the oracle finds divergent, the replicas
 * whose versions differ from the reconciliation of all its replicas (the newest a read at ALL
 * would return).
 */
public record Staleness(List<String> divergentKeys, Map<String, List<String>> staleKeysByNode) {

    public static Staleness of(Cluster cluster, List<String> divergentKeys) {
        Versioning versioning = cluster.config().versioning();
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        for (String node : cluster.nodes()) {
            byNode.put(node, new ArrayList<>());
        }
        for (String key : divergentKeys) {
            List<String> replicas = cluster.ring().replicasFor(key);
            List<Cell> newest = reconciled(cluster, versioning, replicas, key);
            long digest = Storage.digest(newest);
            for (String replica : replicas) {
                if (Storage.digest(cluster.storage(replica).get(key)) != digest) {
                    byNode.get(replica).add(key);
                }
            }
        }
        return new Staleness(List.copyOf(divergentKeys), Collections.unmodifiableMap(byNode));
    }

    /** The versions of {@code key} merged over {@code replicas}. */
    public static List<Cell> reconciled(Cluster cluster, Versioning versioning, List<String> replicas, String key) {
        List<Cell> merged = List.of();
        for (String replica : replicas) {
            merged = versioning.mergeAll(merged, cluster.storage(replica).get(key));
        }
        return merged;
    }

    public int staleCount(String node) {
        List<String> keys = staleKeysByNode.get(node);
        return keys == null ? 0 : keys.size();
    }

    public boolean isStale(String node, String key) {
        List<String> keys = staleKeysByNode.get(node);
        return keys != null && keys.contains(key);
    }
}
