package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cluster;
import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Merkle-tree anti-entropy for one cluster: scheduled sweeps, sweeps and pair repairs on demand,
 * and manual level-by-level stepping for the classroom.
 *
 * <p>Sessions run one after another, never in parallel: a sweep queues one session per replica
 * pair (n1-n2, n1-n3, n2-n3, ...) and each starts when the one before it ends, so the inspector
 * always has exactly one exchange to show and the network shows one exchange's messages at a
 * time. A scheduled sweep is skipped while sessions are still running or queued.
 *
 * <p>Stepping: {@link #stepExchange()} starts the next queued session as a manual one, or
 * advances the current manual one by one level (or into streaming); a manual session waits for
 * the next call before each of those steps. {@link #repairStepwise} queues a session that waits
 * for the first step before it even starts; while it waits, the queue behind it waits too.
 */
public final class AntiEntropy {
    public static final String SESSIONS = "aeSessions";
    public static final String SESSIONS_FAILED = "aeSessionsFailed";
    public static final String HASHES_COMPARED = "aeHashesCompared";
    public static final String RANGES_OUT_OF_SYNC = "aeRangesOutOfSync";
    public static final String ROWS_STREAMED = "aeRowsStreamed";
    public static final String ROWS_ACTUALLY_DIFFERING = "aeRowsActuallyDiffering";
    public static final String BYTES_STREAMED = "aeBytesStreamed";
    public static final String MERKLE_BYTES = "aeMerkleBytes";
    public static final String SCAN_ROWS = "aeScanRows";
    public static final String NAIVE_COMPARISON_BYTES = "aeNaiveComparisonBytes";
    public static final String LEAVES_REHASHED = "aeLeavesRehashed";

    /**
     * How long the initiator waits for each answer (hashes, stream, ack) before the session fails.
     * Cassandra waits far longer; ten simulated seconds keep a lesson short.
     */
    public static final long REPLY_TIMEOUT = Durations.seconds(10);

    private final Cluster cluster;
    private final RangeIndex ranges;
    private final IncrementalTrees incremental;
    private final Deque<RepairSession> queue = new ArrayDeque<>();
    private AntiEntropySettings settings;
    private RepairSession current;
    private RepairSession last;
    private Simulation.Timer sweepTimer;
    private long nextSession = 1;
    private boolean starting;

    public AntiEntropy(Cluster cluster, AntiEntropySettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.ranges = new RangeIndex(cluster.ring());
        this.incremental = new IncrementalTrees(cluster, ranges);
        cluster.counters().declare(SESSIONS, SESSIONS_FAILED, HASHES_COMPARED, RANGES_OUT_OF_SYNC, ROWS_STREAMED,
                ROWS_ACTUALLY_DIFFERING, BYTES_STREAMED, MERKLE_BYTES, SCAN_ROWS, NAIVE_COMPARISON_BYTES,
                LEAVES_REHASHED);
        for (MessageKind kind : List.of(MessageKind.MERKLE_REQUEST, MessageKind.MERKLE_RESPONSE, MessageKind.STREAM,
                MessageKind.STREAM_ACK)) {
            cluster.registerProtocol(kind, this::onMessage);
        }
        cluster.sim().journal().subscribe(this::onEvent);
        reschedule();
    }

    // ---- settings -------------------------------------------------------------------------------

    public AntiEntropySettings settings() {
        return settings;
    }

    /**
     * Switches the settings from now on: the sweep schedule restarts from now; sessions already
     * started keep their depth and maintenance. Leaving incremental maintenance drops the live trees.
     */
    public void update(AntiEntropySettings settings) {
        this.settings = settings;
        if (settings.maintenance() != TreeMaintenance.INCREMENTAL) {
            incremental.clear();
        }
        cluster.sim().record(new Event.SettingChanged(cluster.sim().now(), "antiEntropy", settings.describe()));
        reschedule();
    }

    // ---- commands -------------------------------------------------------------------------------

    /** Queues a session for every replica pair that shares a range (one job: one validation per replica). */
    public void sweepNow() {
        RepairJob job = new RepairJob(this);
        List<String> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                List<Integer> common = ranges.common(nodes.get(i), nodes.get(j));
                if (!common.isEmpty()) {
                    queue.add(newSession(job, nodes.get(i), nodes.get(j), common, false));
                }
            }
        }
        startNext();
    }

    /**
     * Queues one session between {@code nodeA} (the initiator) and {@code nodeB} over every range
     * they share; it starts at once unless others are ahead of it. Returns the session id.
     */
    public long repair(String nodeA, String nodeB) {
        return enqueue(nodeA, nodeB, false);
    }

    /** Like {@link #repair}, but the session waits for {@link #stepExchange()} to start it and to take each step. */
    public long repairStepwise(String nodeA, String nodeB) {
        return enqueue(nodeA, nodeB, true);
    }

    /**
     * Advances the current exchange by one level (or from the leaves into streaming), starts the
     * next queued one as a manual exchange, or makes a running automatic exchange manual (it
     * stops after the level in flight). False when there is nothing to step: no exchange at all,
     * or the level just asked for has not been answered yet.
     */
    public boolean stepExchange() {
        if (current != null) {
            return current.step();
        }
        RepairSession next = queue.poll();
        if (next == null) {
            return false;
        }
        next.makeManual();
        current = next;
        next.start();
        return true;
    }

    /** The exchange running now, else the last one that ended (its view says how); empty before the first. */
    public Optional<ExchangeView> currentExchange() {
        RepairSession shown = current != null ? current : last;
        return shown == null ? Optional.empty() : Optional.of(shown.view());
    }

    /** Sessions waiting to start. */
    public int queuedSessions() {
        return queue.size();
    }

    // ---- for the sessions -----------------------------------------------------------------------

    Cluster cluster() {
        return cluster;
    }

    RangeIndex ranges() {
        return ranges;
    }

    IncrementalTrees incremental() {
        return incremental;
    }

    void sessionEnded(RepairSession session) {
        if (current == session) {
            current = null;
        }
        last = session;
        startNext();
    }

    // ---- internals ------------------------------------------------------------------------------

    private long enqueue(String nodeA, String nodeB, boolean manual) {
        requireNode(nodeA);
        requireNode(nodeB);
        if (nodeA.equals(nodeB)) {
            throw new IllegalArgumentException("a repair needs two different nodes, got " + nodeA + " twice");
        }
        RepairJob job = new RepairJob(this);
        RepairSession session = newSession(job, nodeA, nodeB, ranges.common(nodeA, nodeB), manual);
        queue.add(session);
        startNext();
        return session.id();
    }

    private RepairSession newSession(RepairJob job, String a, String b, List<Integer> common, boolean manual) {
        job.involve(a, b, common);
        return new RepairSession(this, job, nextSession++, a, b, common, manual);
    }

    /** Starts queued sessions until one is running or a manual one waits for its first step. */
    private void startNext() {
        if (starting) {
            return; // a session that ends while starting (fails at once) comes back here: the loop below continues
        }
        starting = true;
        try {
            while (current == null && !queue.isEmpty() && !queue.peek().manual()) {
                current = queue.poll();
                current.start();
            }
        } finally {
            starting = false;
        }
    }

    private void onMessage(Message message) {
        if (message.payload() instanceof ExchangeMessages.Payload payload && current != null
                && current.id() == payload.session()) {
            current.receive(message);
        } // else: a late message of a session that has ended
    }

    /**
     * Keeps the incremental trees current: every change to a replica's rows goes through the
     * journal. Trees that exist are kept current even if the settings just switched away, since a
     * job started under incremental maintenance may still use them.
     */
    private void onEvent(Event event) {
        if (incremental.isEmpty()) {
            return;
        }
        if (event instanceof Event.ReplicaApplied applied && applied.changed()) {
            incremental.keyChanged(applied.node(), applied.key());
        } else if (event instanceof Event.TombstonePurged purged) {
            incremental.keyChanged(purged.node(), purged.key());
        }
    }

    private void reschedule() {
        if (sweepTimer != null) {
            sweepTimer.cancel();
            sweepTimer = null;
        }
        if (settings.enabled()) {
            sweepTimer = cluster.sim().after(settings.interval(), this::scheduledSweep);
        }
    }

    private void scheduledSweep() {
        sweepTimer = cluster.sim().after(settings.interval(), this::scheduledSweep);
        if (current == null && queue.isEmpty()) {
            sweepNow();
        }
    }

    private void requireNode(String node) {
        if (!cluster.nodes().contains(node)) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes are " + cluster.nodes() + ")");
        }
    }
}
