package dev.repairscope.cli;

import dev.repairscope.repair.antientropy.EfficiencyTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code efficiency}: the Merkle exchange's cost against divergence, next to the naive comparison. */
@Command(name = "efficiency", mixinStandardHelpOptions = true,
        description = {"Two replicas of --keys keys that differ in d keys, repaired by one Merkle exchange:",
                "levels exchanged, hashes compared, rows streamed (whole leaves), bytes, and what comparing",
                "every row's hash would have sent."})
public final class EfficiencyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys", defaultValue = "1000000", description = "keys per replica (default ${DEFAULT-VALUE})")
    int keys;

    @Option(names = "--differences", split = ",", defaultValue = "0,1,10,100,1000,10000",
            description = "values of d, comma-separated (default ${DEFAULT-VALUE})")
    List<Integer> differences;

    @Option(names = "--depth", defaultValue = "16", description = "Merkle tree depth, 0..20 (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (keys < 1 || keys > 5_000_000 || depth < 0 || depth > 20
                || differences.stream().anyMatch(d -> d < 0 || d > keys)) {
            err.println("repairscope: need 1 <= --keys <= 5000000, 0 <= --depth <= 20 and 0 <= d <= keys");
            return Exit.BAD_INPUT;
        }
        out.printf(Locale.ROOT, "Merkle anti-entropy between two replicas of %,d keys, tree depth %d (%,d leaves per range)%n",
                keys, depth, 1L << depth);
        out.printf(Locale.ROOT, "%8s %7s %9s %8s %10s %9s %12s %12s %14s %8s%n", "d", "levels", "hashes", "ranges",
                "streamed", "differing", "merkle B", "stream B", "naive B", "share");
        for (int d : differences) {
            EfficiencyTable.Row row = EfficiencyTable.measure(keys, d, depth, seed);
            out.printf(Locale.ROOT, "%8d %7d %9d %8d %10d %9d %12d %12d %14d %7.3f%%%n", row.differing(),
                    row.levelsExchanged(), row.hashesCompared(), row.rangesOutOfSync(), row.rowsStreamed(),
                    row.rowsActuallyDiffering(), row.merkleBytes(), row.streamedBytes(), row.naiveBytes(),
                    100 * row.shareOfNaive());
            out.flush();
        }
        out.println("levels: Merkle round trips; streamed: rows in differing leaves, both ways (overstreaming);");
        out.println("share: (merkle B + stream B) / naive B, where naive sends every row's key and hash.");
        return Exit.OK;
    }
}
