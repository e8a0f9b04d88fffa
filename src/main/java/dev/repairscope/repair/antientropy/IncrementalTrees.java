package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Ring;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Riak's active anti-entropy trees ({@code hashtree.erl}): one live tree per replica per range.
 * The first exchange builds it with a full scan; from then on every change to a stored key
 * updates that key's hash in the tree's key-hash store and marks its segment (leaf) dirty, and
 * before an exchange only the dirty segments are rehashed. Riak also expires trees weekly and
 * rebuilds them; that is not modelled.
 */
final class IncrementalTrees {
    /** Trees ready for an exchange, and what getting them ready cost. */
    record Prepared(Map<Integer, MerkleTree> snapshots, long rowsScanned, long leavesRehashed) {
    }

    private record Id(String node, int range) {
    }

    private static final class Live {
        final MerkleTree tree;
        /** Segment (leaf) -> key -> row hash: what Riak keeps on disk beside the tree. */
        final Map<Integer, Map<String, Long>> keyHashes;
        final TreeSet<Integer> dirty = new TreeSet<>();

        Live(MerkleTree tree, Map<Integer, Map<String, Long>> keyHashes) {
            this.tree = tree;
            this.keyHashes = keyHashes;
        }
    }

    /** A tree being built by the full scan, and the key hashes the scan records beside it. */
    private record Pending(MerkleTree.Builder builder, Map<Integer, Map<String, Long>> keyHashes) {
    }

    private final Cluster cluster;
    private final RangeIndex index;
    private final Map<Id, Live> trees = new HashMap<>();

    IncrementalTrees(Cluster cluster, RangeIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    /** What {@code node} stores for {@code key} changed (a write, a repair, a stream, a purge). */
    void keyChanged(String node, String key) {
        long token = Ring.tokenOf(key);
        Live live = trees.get(new Id(node, index.indexOf(token)));
        if (live == null) {
            return; // not built yet: the full scan that builds it will see the key
        }
        int leaf = live.tree.leafOf(token);
        long hash = MerkleTree.rowHash(key, cluster.storage(node).get(key));
        Map<String, Long> segment = live.keyHashes.computeIfAbsent(leaf, l -> new HashMap<>());
        if (hash == 0) {
            segment.remove(key);
        } else {
            segment.put(key, hash);
        }
        live.dirty.add(leaf);
    }

    /**
     * Riak's {@code update_tree} before an exchange: builds missing trees (or trees of another
     * depth) with one full scan, rehashes the dirty segments of the others, and returns snapshots.
     */
    Prepared prepare(String node, Collection<Integer> ranges, int depth) {
        Map<Integer, Pending> toBuild = new TreeMap<>();
        for (int range : ranges) {
            Live live = trees.get(new Id(node, range));
            if (live == null || live.tree.depth() != depth) {
                toBuild.put(range, new Pending(MerkleTree.builder(index.range(range), depth), new HashMap<>()));
            }
        }
        long scanned = toBuild.isEmpty() ? 0 : scan(node, toBuild);
        for (Map.Entry<Integer, Pending> built : toBuild.entrySet()) {
            Pending pending = built.getValue();
            trees.put(new Id(node, built.getKey()), new Live(pending.builder().build(), pending.keyHashes()));
        }
        long rehashed = 0;
        Map<Integer, MerkleTree> snapshots = new TreeMap<>();
        for (int range : ranges) {
            Live live = trees.get(new Id(node, range));
            for (int leaf : live.dirty) {
                long hash = 0;
                for (long rowHash : live.keyHashes.getOrDefault(leaf, Map.of()).values()) {
                    hash ^= rowHash;
                }
                live.tree.setLeafHash(leaf, hash);
            }
            rehashed += live.dirty.size();
            live.dirty.clear();
            snapshots.put(range, live.tree.copy());
        }
        return new Prepared(snapshots, scanned, rehashed);
    }

    /** One pass over the node's rows: each row hashed once, into its segment's key hashes and its leaf. */
    private long scan(String node, Map<Integer, Pending> toBuild) {
        long scanned = 0;
        for (Map.Entry<String, List<Cell>> row : cluster.storage(node).rows().entrySet()) {
            long token = Ring.tokenOf(row.getKey());
            Pending pending = toBuild.get(index.indexOf(token));
            if (pending != null) {
                int leaf = pending.builder().leafOf(token);
                long hash = MerkleTree.rowHash(row.getKey(), row.getValue());
                pending.keyHashes().computeIfAbsent(leaf, l -> new HashMap<>()).put(row.getKey(), hash);
                pending.builder().addToLeaf(leaf, hash);
                scanned++;
            }
        }
        return scanned;
    }

    /** Forgets every tree (maintenance switched away from incremental). */
    void clear() {
        trees.clear();
    }

    boolean isEmpty() {
        return trees.isEmpty();
    }
}
