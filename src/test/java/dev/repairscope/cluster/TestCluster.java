package dev.repairscope.cluster;

import dev.repairscope.net.Network;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small cluster for tests: simulation, network and cluster wired together, plus helpers that run
 * one client operation to completion. Timing defaults are short so tests stay readable:
 * detection 2 s, recovery 1 s, write timeout 2 s, read timeout 5 s, gc_grace 10 days.
 */
public final class TestCluster {
    public static final long DETECTION = Durations.seconds(2);
    public static final long RECOVERY = Durations.seconds(1);
    public static final long WRITE_TIMEOUT = Durations.seconds(2);
    public static final long READ_TIMEOUT = Durations.seconds(5);
    public static final long GC_GRACE = Durations.seconds(864_000);

    public final Simulation sim;
    public final ClusterConfig config;
    public final Network net;
    public final Cluster cluster;

    public TestCluster(long seed, ClusterConfig config) {
        this.sim = new Simulation(seed);
        this.config = config;
        this.net = new Network(sim, config.nodeNames());
        this.cluster = new Cluster(sim, config, net);
    }

    /** nodes n1..nK, replication factor rf, one token per node, the default test timings. */
    public static ClusterConfig config(int nodes, int rf, Versioning versioning) {
        return new ClusterConfig(nodes, rf, 1, versioning, Map.of(), GC_GRACE, DETECTION, RECOVERY,
                WRITE_TIMEOUT, READ_TIMEOUT);
    }

    public static TestCluster lww(long seed, int nodes, int rf) {
        return new TestCluster(seed, config(nodes, rf, Versioning.LWW));
    }

    public static TestCluster vectorClocks(long seed, int nodes, int rf) {
        return new TestCluster(seed, config(nodes, rf, Versioning.VECTOR_CLOCKS));
    }

    // ---- running operations ------------------------------------------------------------------

    /** Collects the result of an operation started without waiting for it. */
    public static final class Pending implements Consumer<OperationResult> {
        private OperationResult result;

        @Override
        public void accept(OperationResult r) {
            if (result != null) {
                throw new AssertionError("operation answered twice: " + result + " then " + r);
            }
            result = r;
        }

        public boolean done() {
            return result != null;
        }

        public OperationResult result() {
            if (result == null) {
                throw new AssertionError("operation has not been answered yet");
            }
            return result;
        }
    }

    public Pending startWrite(String coordinator, String key, String value, ConsistencyLevel level) {
        Pending p = new Pending();
        cluster.write(coordinator, key, value, level, p);
        return p;
    }

    public Pending startRead(String coordinator, String key, ConsistencyLevel level) {
        Pending p = new Pending();
        cluster.read(coordinator, key, level, p);
        return p;
    }

    public Pending startDelete(String coordinator, String key, ConsistencyLevel level) {
        Pending p = new Pending();
        cluster.delete(coordinator, key, level, p);
        return p;
    }

    /** Steps the simulation until the operation is answered (at most one minute of simulated time). */
    public OperationResult await(Pending pending) {
        long limit = sim.now() + Durations.seconds(60);
        while (!pending.done() && sim.now() <= limit && sim.step()) {
            // keep stepping
        }
        return pending.result();
    }

    public OperationResult write(String coordinator, String key, String value, ConsistencyLevel level) {
        return await(startWrite(coordinator, key, value, level));
    }

    public OperationResult read(String coordinator, String key, ConsistencyLevel level) {
        return await(startRead(coordinator, key, level));
    }

    public OperationResult delete(String coordinator, String key, ConsistencyLevel level) {
        return await(startDelete(coordinator, key, level));
    }

    /** Runs everything due in the next {@code micros}. */
    public void runFor(long micros) {
        sim.runUntil(sim.now() + micros);
    }

    /** Crashes a node and waits until the failure detectors have noticed. */
    public void crashAndDetect(String node) {
        net.crash(node);
        runFor(config.detectionDelay() + Durations.ms(1));
    }

    /** Recovers a node and waits until the failure detectors see it up again. */
    public void recoverAndDetect(String node) {
        net.recover(node);
        runFor(config.recoveryDelay() + Durations.ms(1));
    }

    // ---- looking ----------------------------------------------------------------------------

    /** What a replica shows for a key: "v2", "(deleted)", "[a | b]" for siblings, or null when absent. */
    public String valueAt(String node, String key) {
        List<Cell> cells = cluster.storage(node).get(key);
        if (cells.isEmpty()) {
            return null;
        }
        if (cells.size() == 1) {
            return cells.get(0).shownValue();
        }
        return "[" + String.join(" | ", cells.stream().map(Cell::shownValue).toList()) + "]";
    }

    /** The first key "k0", "k1", ... whose preference list starts with {@code owner}. */
    public String keyOwnedBy(String owner) {
        for (int i = 0; i < 100_000; i++) {
            String key = "k" + i;
            if (cluster.ring().replicasFor(key).get(0).equals(owner)) {
                return key;
            }
        }
        throw new AssertionError("no key owned by " + owner);
    }

    public <T extends Event> List<T> events(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Event e : sim.journal().events()) {
            if (type.isInstance(e)) {
                found.add(type.cast(e));
            }
        }
        return found;
    }

    /** Index of the first journal event matching, or -1. */
    public int indexOf(java.util.function.Predicate<Event> match) {
        List<Event> all = sim.journal().events();
        for (int i = 0; i < all.size(); i++) {
            if (match.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
