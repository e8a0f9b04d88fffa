package dev.repairscope.bench;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Ring;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.repair.antientropy.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Merkle tree costs over a million rows: build against hashing alone, and one incremental update. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.SERIAL_GC, BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.PRE_TOUCH})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MerkleBench {
    static final int KEYS = 1_000_000;
    static final int DEPTH = 16;

    List<String> keys;
    List<List<Cell>> rows;
    /**
     * Each key's token, known before the build as a storage walk knows it: Cassandra's validation
     * reads partitions as DecoratedKeys, whose token was computed when the partition was written,
     * and never rehashes a key to find its leaf. (The simulation's Storage does not keep tokens yet,
     * so its scans compute each one once; the build here measures the tree work itself.)
     */
    long[] tokens;
    MerkleTree full;

    @Setup(Level.Trial)
    public void setUp() {
        keys = new ArrayList<>(KEYS);
        rows = new ArrayList<>(KEYS);
        tokens = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            String key = "key" + i;
            keys.add(key);
            rows.add(List.of(new Cell(key, "v1", false, 1_000L + i, VectorClock.EMPTY, i + 1)));
            tokens[i] = Ring.tokenOf(key);
        }
        full = build();
    }

    /** As a validation builds: every row hashed into its leaf, inner levels computed once at the end. */
    private MerkleTree build() {
        MerkleTree.Builder builder = MerkleTree.builder(0, Long.MAX_VALUE, DEPTH);
        for (int i = 0; i < KEYS; i++) {
            builder.add(tokens[i], keys.get(i), rows.get(i));
        }
        return builder.build();
    }

    @Benchmark
    public long buildDepth16() {
        return build().root();
    }

    @Benchmark
    public long hashRowsOnly() {
        long sum = 0;
        for (int i = 0; i < KEYS; i++) {
            sum += MerkleTree.rowHash(keys.get(i), rows.get(i));
        }
        return sum;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long updateOneRow() {
        // O(depth): the row's leaf and its 16 ancestors; added then taken out again
        full.addRow("extra", rows.get(0));
        full.removeRow("extra", rows.get(0));
        return full.root();
    }
}
