package dev.repairscope.repair.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Ring;
import dev.repairscope.cluster.VectorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tree on its own, in the manner of Cassandra's MerkleTreeTest: each test draws its ranges. */
class MerkleTreeTest {
    private static final long MAX = Long.MAX_VALUE;

    private static List<Cell> row(String key, long timestamp, long writeId) {
        return List.of(new Cell(key, "v" + writeId, false, timestamp, VectorClock.EMPTY, writeId));
    }

    /** A tree over the whole ring, (MAX, MAX], so any key fits. */
    private static MerkleTree wholeRing(int depth) {
        return new MerkleTree(MAX, MAX, depth);
    }

    private static MerkleTree withKeys(int depth, int keys) {
        MerkleTree tree = wholeRing(depth);
        for (int i = 0; i < keys; i++) {
            tree.addRow("k" + i, row("k" + i, 1000 + i, i + 1));
        }
        return tree;
    }

    @Test
    void leavesSplitTheRangeIntoEqualSubRanges() {
        // (0,100] (100,200] (200,300] (300,400] (400,500] (500,600] (600,700] (700,800]
        MerkleTree tree = new MerkleTree(0, 800, 3);

        assertThat(tree.leafCount()).isEqualTo(8);
        assertThat(tree.leafOf(1)).isZero();
        assertThat(tree.leafOf(100)).isZero();
        assertThat(tree.leafOf(101)).isEqualTo(1);
        assertThat(tree.leafOf(350)).isEqualTo(3);
        assertThat(tree.leafOf(800)).isEqualTo(7);
        assertThat(tree.leafOf(0)).as("the start token is outside (start, end]").isEqualTo(-1);
        assertThat(tree.leafOf(801)).isEqualTo(-1);
        assertThat(tree.leafStart(3)).isEqualTo(300);
        assertThat(tree.leafEnd(3)).isEqualTo(400);
        assertThat(tree.leafEnd(7)).isEqualTo(800);
    }

    @Test
    void aWrappingRangeSplitsAcrossZero() {
        // (MAX-99, 0] (0, 100]      -- 200 tokens, the first leaf wraps past the top of the ring
        MerkleTree tree = new MerkleTree(MAX - 99, 100, 1);

        assertThat(tree.leafOf(MAX - 98)).isZero();
        assertThat(tree.leafOf(MAX)).isZero();
        assertThat(tree.leafOf(0)).isZero();
        assertThat(tree.leafOf(1)).isEqualTo(1);
        assertThat(tree.leafOf(100)).isEqualTo(1);
        assertThat(tree.leafOf(500)).isEqualTo(-1);
        assertThat(tree.leafEnd(0)).isZero();
        assertThat(tree.leafStart(1)).isZero();
    }

    @Test
    void aRangeFromATokenToItselfIsTheWholeRing() {
        // (MAX, MAX]: one node with one token owns everything; 4 leaves of 2^61 tokens each
        MerkleTree tree = new MerkleTree(MAX, MAX, 2);

        assertThat(tree.leafOf(0)).isZero();
        assertThat(tree.leafOf((1L << 61) - 1)).isZero();
        assertThat(tree.leafOf(1L << 61)).isEqualTo(1);
        assertThat(tree.leafOf(MAX)).isEqualTo(3);
        assertThat(tree.leafEnd(3)).isEqualTo(MAX);
    }

    @Test
    void everyTokenLandsInTheLeafWhoseBoundsHoldIt() {
        long[][] ranges = {{MAX, MAX}, {0, MAX}, {0, 800}, {12345, 12345 + 777}, {MAX - 99, 100}, {0, MAX / 3},
            {MAX - MAX / 4, MAX / 5}, {5, 5 + (1L << 40) + 3}};
        SplittableRandom random = new SplittableRandom(7);
        for (long[] range : ranges) {
            for (int depth : new int[] {0, 3, 10, 16, MerkleTree.MAX_DEPTH}) {
                MerkleTree tree = new MerkleTree(range[0], range[1], depth);
                for (int n = 0; n < 2000; n++) {
                    int leaf = random.nextInt(tree.leafCount());
                    // both sides of the leaf's end: the tokens where rounding could tip the answer
                    for (long token : new long[] {tree.leafEnd(leaf), (tree.leafEnd(leaf) + 1) & MAX,
                        tree.leafEnd(leaf) - 1, random.nextLong() & MAX}) {
                        assertLeafHolds(tree, token);
                    }
                }
            }
        }
    }

    private static void assertLeafHolds(MerkleTree tree, long token) {
        int leaf = tree.leafOf(token);
        if (leaf < 0) {
            return; // outside the tree's range
        }
        long offset = (token - tree.leafStart(leaf) - 1) & MAX; // how far past the leaf's (exclusive) start
        long size = (tree.leafEnd(leaf) - tree.leafStart(leaf)) & MAX;
        boolean wholeRing = tree.depth() == 0 && tree.start() == tree.end(); // one leaf of 2^63 tokens
        assertThat(wholeRing || Long.compareUnsigned(offset, size) < 0)
                .as("token %d in leaf %d (%d,%d] of %s", token, leaf, tree.leafStart(leaf), tree.leafEnd(leaf), tree)
                .isTrue();
    }

    @Test
    void equalDataGivesEqualRoots() {
        MerkleTree a = withKeys(/* depth= */ 6, /* keys= */ 200);
        MerkleTree b = withKeys(6, 200);

        assertThat(a.root()).isEqualTo(b.root()).isNotZero();
        assertThat(MerkleTree.difference(a, b)).isEmpty();
    }

    @Test
    void insertionOrderDoesNotMatter() {
        MerkleTree forward = withKeys(5, 50);
        MerkleTree backward = wholeRing(5);
        for (int i = 49; i >= 0; i--) {
            backward.addRow("k" + i, row("k" + i, 1000 + i, i + 1));
        }

        assertThat(backward.root()).isEqualTo(forward.root());
    }

    @Test
    void oneMissingRowMakesExactlyOneLeafDiffer() {
        MerkleTree full = withKeys(8, 500);
        MerkleTree missingOne = wholeRing(8);
        for (int i = 0; i < 500; i++) {
            if (i != 123) {
                missingOne.addRow("k" + i, row("k" + i, 1000 + i, i + 1));
            }
        }

        assertThat(full.root()).isNotEqualTo(missingOne.root());
        assertThat(MerkleTree.difference(full, missingOne)).containsExactly(full.leafOf(Ring.tokenOf("k123")));
    }

    @Test
    void aNewerVersionOfOneRowMakesExactlyOneLeafDiffer() {
        MerkleTree older = withKeys(8, 500);
        MerkleTree newer = withKeys(8, 500);
        newer.removeRow("k7", row("k7", 1007, 8));
        newer.addRow("k7", row("k7", 5000, 999));

        assertThat(MerkleTree.difference(older, newer)).containsExactly(older.leafOf(Ring.tokenOf("k7")));
    }

    @Test
    void differenceDescendsOnlyIntoDifferingSubtrees() {
        // depth 4: 31 nodes; one differing leaf puts 5 differing nodes on its path (root .. leaf)
        MerkleTree a = withKeys(4, 100);
        MerkleTree b = withKeys(4, 100);
        b.addRow("extra", row("extra", 1, 1));
        int leaf = a.leafOf(Ring.tokenOf("extra"));
        List<int[]> visited = new ArrayList<>();

        List<Integer> leaves = MerkleTree.difference(a, b, (level, index, differs) ->
                visited.add(new int[] {level, index, differs ? 1 : 0}));

        assertThat(leaves).containsExactly(leaf);
        // the root, then both children of each differing node: 1 + 2 * depth comparisons, not 31
        assertThat(visited).hasSize(1 + 2 * 4);
        for (int[] v : visited) {
            boolean onPath = (leaf >>> (4 - v[0])) == v[1];
            assertThat(v[2] == 1).as("node (%d,%d) differs exactly when it is on the path", v[0], v[1]).isEqualTo(onPath);
            if (v[0] > 0) {
                assertThat((leaf >>> (4 - v[0] + 1))).as("its parent differed").isEqualTo(v[1] >>> 1);
            }
        }
    }

    @Test
    void equalRootsMeanOneComparison() {
        List<Integer> comparisons = new ArrayList<>();
        MerkleTree.difference(withKeys(10, 300), withKeys(10, 300), (level, index, differs) -> comparisons.add(level));

        assertThat(comparisons).containsExactly(0);
    }

    @Test
    void innerHashesCombineChildren() {
        MerkleTree tree = withKeys(3, 64);

        for (int level = 0; level < 3; level++) {
            for (int i = 0; i < (1 << level); i++) {
                assertThat(tree.hash(level, i)).isEqualTo(tree.hash(level + 1, 2 * i) ^ tree.hash(level + 1, 2 * i + 1));
            }
        }
    }

    @Test
    void removingEveryRowEmptiesTheTreeAndSetLeafHashFixesAncestors() {
        MerkleTree tree = withKeys(12, 40);
        for (int i = 0; i < 40; i++) {
            tree.removeRow("k" + i, row("k" + i, 1000 + i, i + 1));
        }
        assertThat(tree.root()).isZero();

        tree.setLeafHash(4000, 0xabcL);
        assertThat(tree.root()).isEqualTo(0xabcL);
        assertThat(tree.hash(1, 1)).isEqualTo(0xabcL);
    }

    @Test
    void spansMergeAdjacentLeaves() {
        // (0,100] (100,200] (200,300] (300,400] (400,500] (500,600] (600,700] (700,800]
        //   [1]      [2]                  [4]       [5]       [6]
        MerkleTree tree = new MerkleTree(0, 800, 3);

        assertThat(tree.spans(List.of(5, 1, 4, 0, 6)).stream().map(Object::toString))
                .containsExactly("(0,200]", "(400,700]");
    }

    @Test
    void depthZeroIsASingleLeaf() {
        MerkleTree a = withKeys(0, 10);
        MerkleTree b = withKeys(0, 11);

        assertThat(a.leafCount()).isEqualTo(1);
        assertThat(MerkleTree.difference(a, b)).containsExactly(0);
    }

    @Test
    void deepTreesStaySparse() {
        MerkleTree a = withKeys(MerkleTree.MAX_DEPTH, 1000);
        MerkleTree b = a.copy();
        b.addRow("late", row("late", 7, 7));

        assertThat(MerkleTree.difference(a, b)).containsExactly(a.leafOf(Ring.tokenOf("late")));
        assertThat(a.root()).isEqualTo(withKeys(MerkleTree.MAX_DEPTH, 1000).root());
    }

    @Test
    void bulkBuildGivesExactlyTheTreeOfAddingRowsOneByOne() {
        long[][] ranges = {{MAX, MAX}, {0, MAX / 3}, {MAX - MAX / 4, MAX / 5}}; // whole ring, plain, wrapping
        for (long[] range : ranges) {
            for (int depth : new int[] {0, 1, 5, 12, 16, 17, MerkleTree.MAX_DEPTH}) {
                MerkleTree incremental = new MerkleTree(range[0], range[1], depth);
                MerkleTree.Builder builder = MerkleTree.builder(range[0], range[1], depth);
                for (int i = 0; i < 3000; i++) {
                    String key = "k" + i;
                    long token = Ring.tokenOf(key);
                    if (incremental.leafOf(token) >= 0) {
                        List<Cell> cells = i % 7 == 0 ? twoVersions(key, i) : row(key, 1000 + i, i + 1);
                        incremental.addRow(key, cells);
                        builder.add(token, key, cells);
                    }
                }
                MerkleTree bulk = builder.build();

                assertThat(bulk.root()).isNotZero();
                assertSameNodes(bulk, incremental);
                assertThat(MerkleTree.difference(bulk, incremental)).isEmpty();
            }
        }
    }

    @Test
    void aBuiltTreeTakesIncrementalUpdatesLikeAnyOther() {
        MerkleTree.Builder builder = MerkleTree.builder(MAX, MAX, 10);
        for (int i = 0; i < 300; i++) {
            builder.add(Ring.tokenOf("k" + i), "k" + i, row("k" + i, 1000 + i, i + 1));
        }
        MerkleTree built = builder.build();
        built.removeRow(Ring.tokenOf("k7"), "k7", row("k7", 1007, 8));
        built.addRow(Ring.tokenOf("k7"), "k7", row("k7", 5000, 999));

        MerkleTree expected = withKeys(10, 300);
        expected.removeRow("k7", row("k7", 1007, 8));
        expected.addRow("k7", row("k7", 5000, 999));
        assertSameNodes(built, expected);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addingRowHashesToLeavesIsTheSameAsAddingRows() {
        MerkleTree.Builder byRow = MerkleTree.builder(0, MAX / 2, 8);
        MerkleTree.Builder byHash = MerkleTree.builder(0, MAX / 2, 8);
        for (int i = 0; i < 500; i++) {
            String key = "k" + i;
            long token = Ring.tokenOf(key);
            int leaf = byHash.leafOf(token);
            if (leaf >= 0) {
                byRow.add(token, key, row(key, i, i));
                byHash.addToLeaf(leaf, MerkleTree.rowHash(key, row(key, i, i)));
            }
        }

        assertSameNodes(byRow.build(), byHash.build());
    }

    @Test
    void aRowOutsideTheRangeIsRejected() {
        MerkleTree.Builder builder = MerkleTree.builder(0, 800, 3);
        String key = "k1";
        assertThatThrownBy(() -> builder.add(Ring.tokenOf(key), key, row(key, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addToLeaf(8, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalRowsHashEqualAndAMissingRowHashesToZero() {
        Cell cell = new Cell("k", "v", false, 1000, VectorClock.parse("{n1:2,n2:1}"), 7);
        Cell same = new Cell("k", "v", false, 1000, VectorClock.of(Map.of("n2", 1L, "n1", 2L)), 7);

        assertThat(MerkleTree.rowHash("k", List.of(cell))).isEqualTo(MerkleTree.rowHash("k", List.of(same))).isNotZero();
        assertThat(MerkleTree.rowHash("k", List.of())).isZero();
    }

    @Test
    void rowHashChangesWithEveryPartOfAVersion() {
        VectorClock clock = VectorClock.parse("{n1:2,n2:1}");
        Cell base = new Cell("k", "v", false, 1000, clock, 7);
        long hash = MerkleTree.rowHash("k", List.of(base));

        List<Cell> changed = List.of(
                new Cell("k", "v", false, 1000, clock, 8),                           // write id
                new Cell("k", "v", false, 1001, clock, 7),                           // timestamp
                new Cell("k", null, true, 1000, clock, 7),                           // tombstone
                new Cell("k", "v", false, 1000, VectorClock.parse("{n1:3,n2:1}"), 7), // a counter
                new Cell("k", "v", false, 1000, VectorClock.parse("{n1:2,n3:1}"), 7), // a node
                new Cell("k", "v", false, 1000, VectorClock.parse("{n1:2}"), 7),      // an entry fewer
                new Cell("k", "v", false, 1000, VectorClock.EMPTY, 7));               // no clock
        for (Cell other : changed) {
            assertThat(MerkleTree.rowHash("k", List.of(other))).as("%s", other).isNotEqualTo(hash);
        }
        assertThat(MerkleTree.rowHash("k2", List.of(base))).as("another key").isNotEqualTo(hash);
        assertThat(MerkleTree.rowHash("k", List.of(base, base))).as("a second version").isNotEqualTo(hash);
        // a node's name ends before its counter: n1 at 12 is not n11 at 2
        assertThat(VectorClock.parse("{n1:12}").digest()).isNotEqualTo(VectorClock.parse("{n11:2}").digest());
    }

    private static List<Cell> twoVersions(String key, int i) {
        return List.of(new Cell(key, "a", false, 1000 + i, VectorClock.parse("{n1:1}"), i + 1),
                new Cell(key, null, true, 2000 + i, VectorClock.parse("{n2:1}"), i + 2));
    }

    private static void assertSameNodes(MerkleTree a, MerkleTree b) {
        assertThat(a.depth()).isEqualTo(b.depth());
        for (int level = 0; level <= a.depth(); level++) {
            for (int i = 0; i < (1 << level); i++) {
                if (a.hash(level, i) != b.hash(level, i)) {
                    assertThat(a.hash(level, i)).as("node (%d,%d) of %s", level, i, a).isEqualTo(b.hash(level, i));
                }
            }
        }
    }

    @Test
    void treesOfDifferentShapesAreNotCompared() {
        assertThatThrownBy(() -> MerkleTree.difference(wholeRing(3), wholeRing(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleTree(0, 10, MerkleTree.MAX_DEPTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
