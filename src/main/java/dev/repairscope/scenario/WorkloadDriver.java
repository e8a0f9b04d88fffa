package dev.repairscope.scenario;

import dev.repairscope.cluster.Cluster;
import dev.repairscope.sim.RandomSource;
import dev.repairscope.sim.Simulation;
import java.util.List;

/**
 * Open-loop clients: each issues operations as a Poisson process (together {@code rate} per
 * second), reads with probability {@code readShare}, on keys k0..k(n-1) drawn uniformly or by Zipf
 * (so a few keys are hot and most are cold), through a coordinator picked among the nodes that are
 * up (as a driver would, from its own connections).
 */
final class WorkloadDriver {
    private final Cluster cluster;
    private final Scenario.Workload workload;
    private final RandomSource.Stream arrivals;
    private final RandomSource.Stream choices;
    private final double[] zipfCdf;
    private final int keyDigits;
    /**
     * Each key's name, made on first use and then reused: every table of the run (storage, ring,
     * checker) finds a key by the very same string, so lookups compare references, not characters.
     */
    private final String[] keyNames;

    WorkloadDriver(Cluster cluster, Scenario.Workload workload) {
        this.cluster = cluster;
        this.workload = workload;
        this.arrivals = cluster.sim().random().stream("workload.arrivals");
        this.choices = cluster.sim().random().stream("workload.choices");
        this.zipfCdf = workload.zipf() ? zipfCdf(workload.keys(), workload.zipfExponent()) : null;
        this.keyDigits = String.valueOf(workload.keys() - 1).length();
        this.keyNames = new String[workload.keys()];
    }

    void start() {
        for (int client = 0; client < workload.clients(); client++) {
            scheduleNext(client, workload.start(), new int[] {0});
        }
    }

    /** Schedules the client's next operation; {@code sequence} counts its operations (for values). */
    private void scheduleNext(int client, long from, int[] sequence) {
        double meanGap = workload.clients() / workload.rate() * 1e6;
        long at = from + Math.max(1, Math.round(-Math.log(1 - arrivals.nextDouble()) * meanGap));
        if (at > workload.stop()) {
            return;
        }
        Simulation sim = cluster.sim();
        sim.at(at, () -> {
            issue(client, ++sequence[0]);
            scheduleNext(client, at, sequence);
        });
    }

    private void issue(int client, int sequence) {
        String key = keyName(pickKey());
        String coordinator = pickCoordinator();
        if (choices.decide(workload.readShare())) {
            cluster.read(coordinator, key, workload.readConsistency(), null);
        } else {
            cluster.write(coordinator, key, "c" + client + "-" + sequence, workload.writeConsistency(), null);
        }
    }

    private int pickKey() {
        if (zipfCdf == null) {
            return choices.nextInt(workload.keys());
        }
        double u = choices.nextDouble();
        int index = java.util.Arrays.binarySearch(zipfCdf, u);
        return Math.min(zipfCdf.length - 1, index >= 0 ? index : -index - 1);
    }

    private String pickCoordinator() {
        List<String> up = new java.util.ArrayList<>(cluster.nodes().size());
        for (String node : cluster.nodes()) {
            if (cluster.network().isUp(node)) {
                up.add(node);
            }
        }
        List<String> pool = up.isEmpty() ? cluster.nodes() : up;
        return pool.get(choices.nextInt(pool.size()));
    }

    private String keyName(int index) {
        String name = keyNames[index];
        if (name == null) {
            name = "k" + pad(index);
            keyNames[index] = name;
        }
        return name;
    }

    private String pad(int key) {
        String s = String.valueOf(key);
        return "0".repeat(keyDigits - s.length()) + s;
    }

    /** Cumulative probabilities of ranks 1..n under Zipf(s): key 0 is the hottest. */
    static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / Math.pow(i + 1, s);
            cdf[i] = total;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= total;
        }
        return cdf;
    }
}
