package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Ring;
import dev.repairscope.cluster.Storage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reading a replica's rows by token range: Cassandra's validation (a read-only pass that builds
 * the trees) and the selection of the rows a stream sends.
 */
final class TreeBuilder {
    /** Trees built by one validation, and how many rows it read. */
    record Validation(Map<Integer, MerkleTree> trees, long rowsScanned) {
    }

    private TreeBuilder() {
    }

    /**
     * Builds one tree per wanted range in a single pass over the replica's rows. Only rows inside
     * the wanted ranges count as scanned: a real store reads a range in token order and nothing else.
     */
    static Validation validate(Storage storage, RangeIndex index, Collection<Integer> wanted, int depth) {
        Map<Integer, MerkleTree.Builder> builders = new TreeMap<>();
        for (int range : wanted) {
            builders.put(range, MerkleTree.builder(index.range(range), depth));
        }
        long scanned = 0;
        // any order: a leaf's hash is the XOR of its rows' hashes
        for (Map.Entry<String, List<Cell>> row : storage.rowsInAnyOrder().entrySet()) {
            long token = Ring.tokenOf(row.getKey()); // once per row: it picks the range and the leaf
            MerkleTree.Builder builder = builders.get(index.indexOf(token));
            if (builder != null) {
                builder.add(token, row.getKey(), row.getValue());
                scanned++;
            }
        }
        Map<Integer, MerkleTree> trees = new TreeMap<>();
        for (Map.Entry<Integer, MerkleTree.Builder> built : builders.entrySet()) {
            trees.put(built.getKey(), built.getValue().build());
        }
        return new Validation(trees, scanned);
    }

    /**
     * The replica's rows that fall in the given leaves: {@code leaves} maps a range number to its
     * leaf numbers, {@code shapes} gives each range's tree (for the leaf boundaries).
     */
    static TreeMap<String, List<Cell>> rowsIn(Storage storage, RangeIndex index, Map<Integer, MerkleTree> shapes,
                                              Map<Integer, ? extends Set<Integer>> leaves) {
        TreeMap<String, List<Cell>> rows = new TreeMap<>();
        if (leaves.values().stream().allMatch(Set::isEmpty)) {
            return rows;
        }
        for (Map.Entry<String, List<Cell>> row : storage.rowsInAnyOrder().entrySet()) { // sorted by the result map
            long token = Ring.tokenOf(row.getKey());
            int range = index.indexOf(token);
            Set<Integer> wanted = leaves.get(range);
            if (wanted != null && wanted.contains(shapes.get(range).leafOf(token))) {
                rows.put(row.getKey(), row.getValue());
            }
        }
        return rows;
    }

    /**
     * What comparing row by row would have cost: the replica sends every row's key and hash in the
     * given ranges to its peer.
     */
    static long naiveComparisonBytes(Storage storage, RangeIndex index, Set<Integer> ranges) {
        long bytes = 0;
        for (String key : storage.rowsInAnyOrder().keySet()) {
            if (ranges.contains(index.indexOfKey(key))) {
                bytes += key.length() + MerkleTree.HASH_BYTES;
            }
        }
        return bytes;
    }
}
