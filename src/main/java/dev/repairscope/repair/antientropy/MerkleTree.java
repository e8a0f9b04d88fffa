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
 *
 * <p>Two ways to fill a tree. {@link #builder} is the bulk path of a validation scan: rows go into
 * their leaves only and the inner levels are computed once, bottom-up, at the end (one write per
 * row). {@link #addRow}/{@link #removeRow} update a finished tree per write: the row's leaf and its
 * ancestors, {@code depth + 1} XORs.
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
    private final double leavesPerToken; // leafCount / width, for leafOf
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
        this.leavesPerToken = (1 << depth) / (width == Long.MIN_VALUE ? 0x1p63 : (double) width);
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
        this.leavesPerToken = other.leavesPerToken;
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
        // Leaf i holds offsets [boundary(i), boundary(i + 1)), so the leaf is ceil(x) - 1 for
        // x = (offset + 1) * leafCount / width. In doubles x is off by under 2^-30 (x <= 2^20, a few
        // roundings of 2^-53 each); unless x lies within 2^-20 of a whole number (a token at or next
        // to a leaf boundary), its ceiling is the exact one. Near one, integer boundaries decide.
        double x = ((double) offset + 1) * leavesPerToken;
        double ceiling = Math.ceil(x);
        if (ceiling - x > 0x1p-20 && ceiling - x < 1 - 0x1p-20) {
            return (int) ceiling - 1;
        }
        return settle(offset, (int) x);
    }

    /** The leaf of {@code offset} by exact integer boundaries, starting the search at {@code estimate}. */
    private int settle(long offset, int estimate) {
        int last = leafCount() - 1;
        int leaf = Math.max(0, Math.min(last, estimate));
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

    /** Adds a row (all the versions a replica stores for the key) to its leaf and the leaf's ancestors. */
    public void addRow(String key, List<Cell> cells) {
        addRow(Ring.tokenOf(key), key, cells);
    }

    /** {@link #addRow(String, List)} for a caller that already knows the key's token ({@link Ring#tokenOf}). */
    public void addRow(long token, String key, List<Cell> cells) {
        xorLeaf(leafFor(token, key), rowHash(key, cells));
    }

    /** Takes a row added earlier out again (XOR is its own inverse). */
    public void removeRow(String key, List<Cell> cells) {
        addRow(key, cells);
    }

    /** {@link #removeRow(String, List)} with the key's token already known. */
    public void removeRow(long token, String key, List<Cell> cells) {
        addRow(token, key, cells);
    }

    /** Sets a leaf's hash outright (a rehashed segment) and fixes its ancestors. */
    public void setLeafHash(int leaf, long hash) {
        checkLeaf(leaf);
        long delta = leafHash(leaf) ^ hash;
        if (delta != 0) {
            xorLeaf(leaf, delta);
        }
    }

    private int leafFor(long token, String key) {
        assert token == Ring.tokenOf(key) : key + " has token " + Ring.tokenOf(key) + ", not " + token;
        int leaf = leafOf(token);
        if (leaf < 0) {
            throw new IllegalArgumentException(key + " (token " + token + ") is outside " + this);
        }
        return leaf;
    }

    private void xorLeaf(int leaf, long delta) {
        int index = leaf;
        for (int l = depth; l >= 0; l--) {
            levels[l].xor(index, delta);
            index >>>= 1;
        }
    }

    /** Computes every inner level from the one below it, leaves up (the inner levels must still be empty). */
    private void fillInnerLevels() {
        for (int l = depth - 1; l >= 0; l--) {
            levels[l + 1].foldInto(levels[l]);
        }
    }

    /**
     * A row's hash over its key and every stored version: the key's chars (FNV-1a), then per version
     * its numbers — write id, timestamp, tombstone flag and the vector clock's digest — one word at a
     * time, then MurmurHash3's finaliser. Nothing is formatted or allocated. Equal rows hash equal in
     * every run; a missing row hashes to 0 (it adds nothing), any other row to a non-zero value.
     */
    public static long rowHash(String key, List<Cell> cells) {
        int versions = cells.size();
        if (versions == 0) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        for (int i = 0; i < versions; i++) { // a row holds a handful of versions in a random-access list
            h = mixCell(h, cells.get(i));
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mixCell(long h, Cell cell) {
        h = mix(h, cell.writeId());
        h = mix(h, cell.timestamp());
        h = mix(h, cell.tombstone() ? 1 : 2);
        return mix(h, cell.clock().digest());
    }

    /** MurmurHash3's 64-bit block step: one word in a few multiplies, where byte-wise FNV takes eight. */
    private static long mix(long h, long word) {
        long k = Long.rotateLeft(word * 0x87c37b91114253d5L, 31) * 0x4cf5ad432745937fL;
        return Long.rotateLeft(h ^ k, 27) * 5 + 0x52dce729;
    }

    // ---- bulk building --------------------------------------------------------------------------

    /** A builder for an empty tree over {@code (start, end]}. */
    public static Builder builder(long start, long end, int depth) {
        return new Builder(new MerkleTree(start, end, depth));
    }

    public static Builder builder(Ring.TokenRange range, int depth) {
        return builder(range.start(), range.end(), depth);
    }

    /**
     * Builds a tree the way Cassandra's validation compaction does: each row's hash goes into its
     * leaf only; {@link #build()} then computes the inner levels once, bottom-up. A million rows cost
     * a million leaf writes plus one pass over the tree, not a million walks up {@code depth + 1}
     * levels. Gives exactly the tree that adding the same rows one by one gives.
     */
    public static final class Builder {
        private final MerkleTree tree;
        private final Level leaves;
        private boolean built;

        private Builder(MerkleTree tree) {
            this.tree = tree;
            this.leaves = tree.levels[tree.depth];
        }

        /** The leaf holding {@code token}, or -1 (see {@link MerkleTree#leafOf}). */
        public int leafOf(long token) {
            return tree.leafOf(token);
        }

        /** Adds a row whose token ({@link Ring#tokenOf}) the caller already knows, as a storage walk does. */
        public Builder add(long token, String key, List<Cell> cells) {
            checkOpen();
            leaves.xor(tree.leafFor(token, key), rowHash(key, cells));
            return this;
        }

        /** Adds a row hash computed by the caller ({@link #rowHash}) to a leaf. */
        public Builder addToLeaf(int leaf, long rowHash) {
            checkOpen();
            tree.checkLeaf(leaf);
            leaves.xor(leaf, rowHash);
            return this;
        }

        /** The finished tree, inner levels filled in. The builder is spent afterwards. */
        public MerkleTree build() {
            checkOpen();
            built = true;
            tree.fillInnerLevels();
            return tree;
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("this builder already built its tree");
            }
        }
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

        /** XORs each pair of sibling hashes into their parent's slot of the level above. */
        void foldInto(Level parent);

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

        public void foldInto(Level parent) {
            for (int i = 0; i < hashes.length; i += 2) {
                parent.xor(i >>> 1, hashes[i] ^ hashes[i + 1]);
            }
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

        public void foldInto(Level parent) {
            for (Map.Entry<Integer, Long> node : hashes.entrySet()) {
                parent.xor(node.getKey() >>> 1, node.getValue());
            }
        }

        public Level copy() {
            return new Sparse(new HashMap<>(hashes));
        }
    }
}
