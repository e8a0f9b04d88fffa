package dev.repairscope.bench;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.VectorClock;
import dev.repairscope.repair.antientropy.MerkleTree;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Comparing two depth-16 trees over a million rows that differ in d rows. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.SERIAL_GC, BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.PRE_TOUCH})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MerkleDifferenceBench {
    @Param({"1", "10", "100", "1000", "10000"})
    public int differing;

    MerkleTree full;
    MerkleTree damaged;

    @Setup(Level.Trial)
    public void setUp() {
        full = new MerkleTree(0, Long.MAX_VALUE, MerkleBench.DEPTH);
        damaged = new MerkleTree(0, Long.MAX_VALUE, MerkleBench.DEPTH);
        int stride = MerkleBench.KEYS / differing;
        for (int i = 0; i < MerkleBench.KEYS; i++) {
            String key = "key" + i;
            List<Cell> row = List.of(new Cell(key, "v1", false, 1_000L + i, VectorClock.EMPTY, i + 1));
            full.addRow(key, row);
            if (i % stride != 0 || i / stride >= differing) {
                damaged.addRow(key, row);
            }
        }
    }

    @Benchmark
    public int difference() {
        return MerkleTree.difference(full, damaged).size();
    }
}
