package dev.repairscope.bench;

import dev.repairscope.repair.antientropy.EfficiencyTable;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every benchmark in one JVM session and prints the five figures the README carries:
 * medians with their spread (min..max over measurement iterations), and ratios computed from
 * numbers measured in this same run. Usage: {@code mvn -B -DskipTests test-compile exec:exec@bench}
 * (JMH options in {@code -Dbench.args}; by default each class's own fork, JVM and iteration settings, see {@link BenchJvm}).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** Benchmark 5 is not JMH (JavaFX draws on its own thread): a harness in the ui tests, run by name or with all. */
    private static final String DRAWING = "ClusterViewFrameBench";

    public static void main(String[] args) throws Exception {
        List<String> all = List.of(args);
        if (all.contains(DRAWING)) {
            // "... ClusterViewFrameBench [frames]": the drawing harness alone
            int at = all.indexOf(DRAWING);
            dev.repairscope.ui.ClusterViewFrameBench.main(all.subList(at + 1, all.size()).toArray(String[]::new));
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) { // no benchmark named on the command line: run them all
            for (Class<?> bench : List.of(SimulationBench.class, MerkleBench.class, MerkleDifferenceBench.class, SeekBench.class)) {
                options.include(bench.getSimpleName());
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.printf(Locale.ROOT, "%n==== RepairScope benchmarks (%s, %d cores, %s) ====%n",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
        if (!results.isEmpty()) {
            System.out.printf(Locale.ROOT, "forks ran with: %s (see BenchJvm)%n",
                    String.join(" ", results.iterator().next().getParams().getJvmArgs()));
        }

        if (has(results, "busyCluster")) {
            printThroughput(results);
        }
        if (has(results, "buildDepth16")) {
            printMerkleBuild(results);
        }
        if (has(results, "difference")) {
            printMerkleDifference(results);
        }
        if (has(results, "seekWithSnapshots")) {
            printSeek(results);
        }
        if (cli.getIncludes().isEmpty()) { // all of them: the drawing figure too
            dev.repairscope.ui.ClusterViewFrameBench.main(new String[0]);
        } else {
            System.out.printf(Locale.ROOT, "%n5. Drawing: -Dbench.args=\"%s\"%n", DRAWING);
        }
    }

    private static void printThroughput(Collection<RunResult> results) {
        long steps = new SimulationBench() {
            {
                setUp();
            }
        }.steps;
        Statistics busy = stats(results, "busyCluster", null);
        Statistics floor = stats(results, "floor", null);
        double busyRate = steps / (busy.getPercentile(50) / 1000);
        double floorRate = steps / (floor.getPercentile(50) / 1000);
        System.out.printf(Locale.ROOT, "%n1. Simulation throughput (%d steps: 6 nodes, N=3, QUORUM Zipf workload, all mechanisms, faults)%n", steps);
        System.out.printf(Locale.ROOT, "   busy cluster: %,.0f events/s (median run %.1f ms, %s)%n", busyRate, busy.getPercentile(50), spread(busy));
        System.out.printf(Locale.ROOT, "   bare queue:   %,.0f events/s (median run %.1f ms, %s)%n", floorRate, floor.getPercentile(50), spread(floor));
        System.out.printf(Locale.ROOT, "   ratio busy / floor: %.2f%n", busyRate / floorRate);
    }

    private static void printMerkleBuild(Collection<RunResult> results) {

        Statistics build = stats(results, "buildDepth16", null);
        Statistics hash = stats(results, "hashRowsOnly", null);
        Statistics update = stats(results, "updateOneRow", null);
        System.out.printf(Locale.ROOT, "%n2. Merkle build over 1,000,000 rows, depth 16%n");
        System.out.printf(Locale.ROOT, "   build: %.1f ms (%s); hashing the rows alone: %.1f ms (%s); ratio %.2f%n",
                build.getPercentile(50), spread(build), hash.getPercentile(50), spread(hash),
                build.getPercentile(50) / hash.getPercentile(50));
        System.out.printf(Locale.ROOT, "   one incremental update (add + remove a row: 2 x 17 hashes): %.0f ns (%s)%n",
                update.getPercentile(50), spread(update));
    }

    private static void printMerkleDifference(Collection<RunResult> results) {

        System.out.printf(Locale.ROOT, "%n3. Merkle difference, 1,000,000 keys per replica, depth 16%n");
        System.out.printf(Locale.ROOT, "   %6s %12s %8s %9s %12s %12s %14s%n", "d", "difference", "hashes", "streamed",
                "merkle B", "stream B", "naive B");
        for (int d : List.of(1, 10, 100, 1000, 10000)) {
            Statistics diff = stats(results, "difference", String.valueOf(d));
            EfficiencyTable.Row row = EfficiencyTable.measure(1_000_000, d, 16, 1);
            System.out.printf(Locale.ROOT, "   %6d %9.1f us %8d %9d %12d %12d %14d%n", d, diff.getPercentile(50),
                    row.hashesCompared(), row.rowsStreamed(), row.merkleBytes(), row.streamedBytes(), row.naiveBytes());
        }
    }

    private static void printSeek(Collection<RunResult> results) {
        System.out.printf(Locale.ROOT, "%n4. Seek in a 10-minute run at 200 client operations/s (snapshots every %,d steps, at most %d kept)%n",
                dev.repairscope.scenario.RunSnapshots.DEFAULT_INTERVAL, dev.repairscope.scenario.RunSnapshots.DEFAULT_KEPT);
        for (String target : List.of("60", "300", "600")) {
            Statistics snap = stats(results, "seekWithSnapshots", target);
            Statistics replay = stats(results, "seekByReplay", target);
            Statistics take = stats(results, "takeOneSnapshot", target);
            System.out.printf(Locale.ROOT, "   to %3ss: snapshot + replay %.1f ms (%s); replay from the seed %.0f ms (%s): %.0fx faster;"
                            + " taking a snapshot there %.1f ms%n", target, snap.getPercentile(50), spread(snap),
                    replay.getPercentile(50), spread(replay), replay.getPercentile(50) / snap.getPercentile(50),
                    take.getPercentile(50));
        }
    }

    private static boolean has(Collection<RunResult> results, String method) {
        return results.stream().anyMatch(r -> r.getParams().getBenchmark().endsWith("." + method));
    }

    private static Statistics stats(Collection<RunResult> results, String method, String param) {
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            if (name.endsWith("." + method)) {
                String p = firstParam(result);
                if (param == null || p == null || param.equals(p)) {
                    return result.getPrimaryResult().getStatistics();
                }
            }
        }
        throw new IllegalStateException("no result for " + method + " " + param);
    }

    private static String firstParam(RunResult result) {
        for (String key : result.getParams().getParamsKeys()) {
            return result.getParams().getParam(key);
        }
        return null;
    }

    private static String spread(Statistics s) {
        return String.format(Locale.ROOT, "min %.1f, max %.1f, n=%d", s.getMin(), s.getMax(), s.getN());
    }
}
