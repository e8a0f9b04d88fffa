package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Ring;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Merkle tree over one token range {@code (start, end]}, as in Cassandra's
 * {@code utils/MerkleTree.java}: 2^depth leaves split the range into equal sub-ranges by token;
 * a leaf's hash combines the hashes of the rows whose token falls in it, an inner node's hash
 * combines its two children. Combining is XOR, as in Cassandra's tree: it makes a row's
 * contribution removable, which the incremental (Riak-style) maintenance relies on.
 *
 * <p>Nodes are addressed by {@code (level, index)}: level 0 is the root, level {@code depth} the
 * leaves; the children of {@code (l, i)} are {@code (l+1, 2i)} and {@code (l+1, 2i+1)}. An empty
 * leaf hashes to 0. Usable on its own: no cluster, no simulation.
 */
public final class MerkleTree {
    public static final int MAX_DEPTH = 20;
    /** Bytes one hash takes on the wire. Hashes are 64 bits here (Cassandra sends 32-byte SHA-256). */
    public static final int HASH_BYTES = 8;
    /** Levels 0..16 are plain arrays (at most 512 KiB); only the deepest levels of depth-20 trees are sparse. */
    private static final int DENSE_LEVELS = 17;

    /** Told about each pair of hashes {@link #difference} compares. */
    @FunctionalInterface
    public interface Visitor {
        void compared(int level, int index, boolean differs);
    }

    /** Adjacent differing leaves merged into one token range {@code (start, end]}. */
    public record Span(int firstLeaf, int lastLeaf, long start, long end) {
        @Override
        public String toString() {
            return "(" + start + "," + end + "]";
        }
    }

    private final long start;
    private final long end;
    private final int depth;
    private final long width; // tokens in the range, unsigned: Long.MIN_VALUE stands for the whole ring (2^63)
    private final Level[] levels;

    /** An empty tree over {@code (start, end]} (wrapping when {@code start >= end}; equal means the whole ring). */
    public MerkleTree(long start, long end, int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be in 0.." + MAX_DEPTH + ", got " + depth);
        }
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("tokens live in [0, 2^63), got (" + start + "," + end + "]");
        }
        this.start = start;
        this.end = end;
        this.depth = depth;
        long w = (end - start) & Long.MAX_VALUE;
        this.width = w == 0 ? Long.MIN_VALUE : w;
        this.levels = new Level[depth + 1];
        for (int l = 0; l <= depth; l++) {
            levels[l] = l < DENSE_LEVELS ? new Dense(1 << l) : new Sparse();
        }
    }

    public static MerkleTree over(Ring.TokenRange range, int depth) {
        return new MerkleTree(range.start(), range.end(), depth);
    }

    private MerkleTree(MerkleTree other) {
        this.start = other.start;
        this.end = other.end;
        this.depth = other.depth;
        this.width = other.width;
        this.levels = new Level[other.levels.length];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = other.levels[l].copy();
        }
    }

    /** An independent copy (a snapshot for an exchange). */
    public MerkleTree copy() {
        return new MerkleTree(this);
    }

    // ---- shape ----------------------------------------------------------------------------------

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int depth() {
        return depth;
    }

    public int leafCount() {
        return 1 << depth;
    }

    /** The leaf whose sub-range holds {@code token}, or -1 when the token is outside this tree's range. */
    public int leafOf(long token) {
        if (token < 0) {
            return -1;
        }
        long offset = (token - start - 1) & Long.MAX_VALUE;
        if (Long.compareUnsigned(offset, width) >= 0) {
            return -1;
        }
        // estimate in floating point (within one leaf of the truth), then settle on the exact boundary
        int last = leafCount() - 1;
        double share = (double) offset / (width == Long.MIN_VALUE ? 0x1p63 : (double) width);
        int leaf = (int) Math.max(0, Math.min(last, (long) (share * leafCount())));
        while (leaf > 0 && boundary(leaf) > offset) {
            leaf--;
        }
        while (leaf < last && boundary(leaf + 1) <= offset) {
            leaf++;
        }
        return leaf;
    }

    /** Exclusive start token of a leaf's sub-range. */
    public long leafStart(int leaf) {
        checkLeaf(leaf);
        return (start + boundary(leaf)) & Long.MAX_VALUE;
    }

    /** Inclusive end token of a leaf's sub-range. */
    public long leafEnd(int leaf) {
        checkLeaf(leaf);
        return leaf == leafCount() - 1 ? end : (start + boundary(leaf + 1)) & Long.MAX_VALUE;
    }

    /** Offset (from start + 1) of leaf i's first token: floor(i * width / 2^depth), without overflow. */
    private long boundary(long i) {
        long high = width >>> depth;
        long low = width & ((1L << depth) - 1);
        return high * i + ((low * i) >>> depth);
    }

    // ---- hashes ---------------------------------------------------------------------------------

    public long root() {
        return levels[0].get(0);
    }

    public long hash(int level, int index) {
        if (level < 0 || level > depth || index < 0 || index >= (1 << level)) {
            throw new IllegalArgumentException("no node (" + level + "," + index + ") in a tree of depth " + depth);
        }
        return levels[level].get(index);
    }

    public long leafHash(int leaf) {
        return hash(depth, leaf);
    }

    /** Adds a row (all the versions a replica stores for the key) to its leaf. */
    public void addRow(String key, List<Cell> cells) {
        int leaf = leafOf(Ring.tokenOf(key));
        if (leaf < 0) {
            throw new IllegalArgumentException(key + " (token " + Ring.tokenOf(key) + ") is outside " + this);
        }
        xorLeaf(leaf, rowHash(key, cells));
    }

    /** Takes a row added earlier out again (XOR is its own inverse). */
    public void removeRow(String key, List<Cell> cells) {
        addRow(key, cells);
    }

    /** Sets a leaf's hash outright (a rehashed segment) and fixes its ancestors. */
    public void setLeafHash(int leaf, long hash) {
        checkLeaf(leaf);
        long delta = leafHash(leaf) ^ hash;
        if (delta != 0) {
            xorLeaf(leaf, delta);
        }
    }

    private void xorLeaf(int leaf, long delta) {
        int index = leaf;
        for (int l = depth; l >= 0; l--) {
            levels[l].xor(index, delta);
            index >>>= 1;
        }
    }

    /**
     * A row's hash over its key and every stored version ({@link Cell#stamp()} plus the tombstone
     * flag): FNV-1a, then MurmurHash3's finaliser. A missing row hashes to 0 (it adds nothing).
     */
    public static long rowHash(String key, List<Cell> cells) {
        if (cells.isEmpty()) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        h = fnv(h, key);
        for (Cell cell : cells) {
            h = fnv(h ^ 0x1f, cell.stamp());
            h = (h ^ (cell.tombstone() ? 1 : 2)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long fnv(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    // ---- comparing ------------------------------------------------------------------------------

    /** The leaves where {@code a} and {@code b} disagree, in order. */
    public static List<Integer> difference(MerkleTree a, MerkleTree b) {
        return difference(a, b, (level, index, differs) -> {
        });
    }

    /**
     * The leaves where {@code a} and {@code b} disagree, in order: compares the roots, then descends
     * only into children whose hashes differ; {@code visitor} sees every comparison made.
     */
    public static List<Integer> difference(MerkleTree a, MerkleTree b, Visitor visitor) {
        if (a.start != b.start || a.end != b.end || a.depth != b.depth) {
            throw new IllegalArgumentException("trees over different shapes cannot be compared: " + a + " vs " + b);
        }
        List<Integer> leaves = new ArrayList<>();
        descend(a, b, 0, 0, visitor, leaves);
        return leaves;
    }

    private static void descend(MerkleTree a, MerkleTree b, int level, int index, Visitor visitor, List<Integer> out) {
        boolean differs = a.hash(level, index) != b.hash(level, index);
        visitor.compared(level, index, differs);
        if (!differs) {
            return;
        }
        if (level == a.depth) {
            out.add(index);
            return;
        }
        descend(a, b, level + 1, 2 * index, visitor, out);
        descend(a, b, level + 1, 2 * index + 1, visitor, out);
    }

    /**
     * The largest contiguous token ranges covered by {@code leaves} (Cassandra's difference reports
     * ranges, not leaves: two adjacent differing leaves are one range out of sync).
     */
    public List<Span> spans(Collection<Integer> leaves) {
        List<Span> spans = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int leaf : new TreeSet<>(leaves)) {
            checkLeaf(leaf);
            if (first >= 0 && leaf == last + 1) {
                last = leaf;
                continue;
            }
            if (first >= 0) {
                spans.add(new Span(first, last, leafStart(first), leafEnd(last)));
            }
            first = leaf;
            last = leaf;
        }
        if (first >= 0) {
            spans.add(new Span(first, last, leafStart(first), leafEnd(last)));
        }
        return spans;
    }

    private void checkLeaf(int leaf) {
        if (leaf < 0 || leaf >= leafCount()) {
            throw new IllegalArgumentException("no leaf " + leaf + " in a tree of " + leafCount() + " leaves");
        }
    }

    @Override
    public String toString() {
        return "MerkleTree(" + start + "," + end + "] depth " + depth + " root " + Long.toHexString(root());
    }

    // ---- level storage --------------------------------------------------------------------------

    private interface Level {
        long get(int index);

        void xor(int index, long delta);

        Level copy();
    }

    private static final class Dense implements Level {
        private final long[] hashes;

        Dense(int size) {
            hashes = new long[size];
        }

        private Dense(long[] hashes) {
            this.hashes = hashes;
        }

        public long get(int index) {
            return hashes[index];
        }

        public void xor(int index, long delta) {
            hashes[index] ^= delta;
        }

        public Level copy() {
            return new Dense(hashes.clone());
        }
    }

    private static final class Sparse implements Level {
        private final Map<Integer, Long> hashes;

        Sparse() {
            hashes = new HashMap<>();
        }

        private Sparse(Map<Integer, Long> hashes) {
            this.hashes = hashes;
        }

        public long get(int index) {
            return hashes.getOrDefault(index, 0L);
        }

        public void xor(int index, long delta) {
            long value = get(index) ^ delta;
            if (value == 0) {
                hashes.remove(index);
            } else {
                hashes.put(index, value);
            }
        }

        public Level copy() {
            return new Sparse(new HashMap<>(hashes));
        }
    }
}
