package dev.repairscope.cluster;

import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Counters;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.LongKeyMap;
import dev.repairscope.sim.Simulation;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cluster: nodes n1..nK on a ring, each with its storage and clock, joined by the simulated
 * network. Any node coordinates client operations. Replica-side handling (apply a mutation, answer
 * a read) lives here; the coordinators' state machines are {@link WriteOperation} and
 * {@link ReadOperation}; repair protocols register their own message handlers.
 */
public final class Cluster {

    /** What the cluster keeps per node: its storage and its clock. */
    private static final class Replica {
        final Storage storage;
        final long clockSkew;
        long lastTimestamp = Long.MIN_VALUE;
        /** The last vector clock this node issued per key, as a coordinator (see {@link #nextClock}). */
        Map<String, VectorClock> issuedClocks;

        Replica(Storage storage, long clockSkew) {
            this.storage = storage;
            this.clockSkew = clockSkew;
        }
    }

    /** A coordinator-side operation waiting for replies. */
    interface InFlight {
        void onReply(Message message);
    }

    private final Simulation sim;
    private final ClusterConfig config;
    private final Network network;
    private final Ring ring;
    private final FailureDetector failureDetector;
    /** Each node's own state, found with one lookup by name. */
    private final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final LongKeyMap<InFlight> inFlight = new LongKeyMap<>(); // by operation id, looked up on every reply
    private final Map<MessageKind, Consumer<Message>> protocolHandlers = new EnumMap<>(MessageKind.class);
    private final Counters counters = new Counters();
    private HandoffHooks handoff = HandoffHooks.NONE;
    private ReadRepairPolicy readRepair = ReadRepairPolicy.NONE;
    private long nextOp = 1;

    public Cluster(Simulation sim, ClusterConfig config, Network network) {
        this.sim = sim;
        this.config = config;
        this.network = network;
        if (!network.nodes().equals(config.nodeNames())) {
            throw new IllegalArgumentException("network nodes " + network.nodes() + " differ from " + config.nodeNames());
        }
        List<String> names = network.nodes(); // the network's own strings: lookups by node compare references
        this.ring = new Ring(names, config.vnodes(), config.replicationFactor());
        this.failureDetector = new FailureDetector(sim, network, config.detectionDelay(), config.recoveryDelay());
        for (String node : names) {
            replicas.put(node, new Replica(new Storage(config.versioning()), config.clockSkew().getOrDefault(node, 0L)));
            network.register(node, message -> handle(node, message));
        }
        counters.declare("writes", "reads", "deletes", "writeTimeouts", "writeUnavailables", "readTimeouts",
                "readUnavailables");
        scheduleCompaction();
    }

    // ---- accessors --------------------------------------------------------------------------

    public Simulation sim() {
        return sim;
    }

    public ClusterConfig config() {
        return config;
    }

    public Network network() {
        return network;
    }

    public Ring ring() {
        return ring;
    }

    public FailureDetector failureDetector() {
        return failureDetector;
    }

    public Counters counters() {
        return counters;
    }

    public List<String> nodes() {
        return ring.nodes();
    }

    public Storage storage(String node) {
        return replica(node).storage;
    }

    public HandoffHooks handoff() {
        return handoff;
    }

    public void setHandoff(HandoffHooks handoff) {
        this.handoff = handoff;
    }

    public ReadRepairPolicy readRepair() {
        return readRepair;
    }

    public void setReadRepair(ReadRepairPolicy readRepair) {
        this.readRepair = readRepair;
    }

    /** Routes messages of {@code kind} to a repair protocol. */
    public void registerProtocol(MessageKind kind, Consumer<Message> handler) {
        protocolHandlers.put(kind, handler);
    }

    /** The node's clock: simulated time plus its skew, strictly increasing per node (unique timestamps). */
    public long timestamp(String node) {
        Replica replica = replica(node);
        long next = Math.max(sim.now() + replica.clockSkew, replica.lastTimestamp + 1);
        replica.lastTimestamp = next;
        return next;
    }

    /**
     * The vector clock for a new write of {@code key} coordinated by {@code node}: every version the
     * node stores and the last clock it issued for the key, merged, then incremented for the node.
     * Remembering the last issued clock keeps successive writes through a coordinator that is not a
     * replica (or that has not yet applied its own previous write) from reusing an equal clock,
     * which replicas would take for a version they already have, silently losing the update.
     */
    VectorClock nextClock(String node, String key) {
        Replica replica = replica(node);
        if (replica.issuedClocks == null) {
            replica.issuedClocks = new HashMap<>();
        }
        Map<String, VectorClock> byKey = replica.issuedClocks;
        VectorClock clock = byKey.getOrDefault(key, VectorClock.EMPTY);
        for (Cell existing : storage(node).get(key)) {
            clock = clock.merge(existing.clock());
        }
        clock = clock.increment(node);
        byKey.put(key, clock);
        return clock;
    }

    public long nextOperationId() {
        return nextOp++;
    }

    // ---- client operations ------------------------------------------------------------------

    public long write(String coordinator, String key, String value, ConsistencyLevel level,
                      Consumer<OperationResult> callback) {
        return startWrite(OperationType.WRITE, coordinator, key, value, level, callback);
    }

    public long delete(String coordinator, String key, ConsistencyLevel level, Consumer<OperationResult> callback) {
        return startWrite(OperationType.DELETE, coordinator, key, null, level, callback);
    }

    public long read(String coordinator, String key, ConsistencyLevel level, Consumer<OperationResult> callback) {
        requireNode(coordinator);
        long op = nextOperationId();
        counters.increment("reads");
        new ReadOperation(this, op, coordinator, key, level, callback).start();
        return op;
    }

    private long startWrite(OperationType type, String coordinator, String key, String value, ConsistencyLevel level,
                            Consumer<OperationResult> callback) {
        requireNode(coordinator);
        long op = nextOperationId();
        counters.increment(type == OperationType.DELETE ? "deletes" : "writes");
        new WriteOperation(this, op, type, coordinator, key, value, level, callback).start();
        return op;
    }

    void track(long op, InFlight operation) {
        inFlight.put(op, operation);
    }

    void untrack(long op) {
        inFlight.remove(op);
    }

    void send(String from, String to, MessageKind kind, String key, int bytes, Object payload) {
        network.send(from, to, kind, key, bytes, payload);
    }

    // ---- replica side -----------------------------------------------------------------------

    /** Merges cells into a node's storage and journals what changed. Returns true when anything did. */
    public boolean apply(String node, List<Cell> cells, String via) {
        boolean changed = false;
        Storage storage = storage(node);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            boolean c = storage.apply(cell);
            sim.record(new Event.ReplicaApplied(sim.now(), node, cell.key(), cell.label(), c, via));
            changed |= c;
        }
        return changed;
    }

    private void handle(String node, Message message) {
        switch (message.kind()) {
            case WRITE, READ_REPAIR -> {
                Messages.Mutation m = (Messages.Mutation) message.payload();
                if (m.intendedOwner() != null) {
                    m.cells().forEach(c -> handoff.storeFallback(node, m.intendedOwner(), c));
                } else {
                    apply(node, m.cells(), message.kind().label());
                }
                MessageKind ack = message.kind() == MessageKind.WRITE ? MessageKind.WRITE_ACK : MessageKind.READ_REPAIR_ACK;
                send(node, message.from(), ack, message.key(), 16, new Messages.Ack(m.op(), node));
            }
            case READ_DATA, READ_DIGEST -> {
                Messages.ReadRequest r = (Messages.ReadRequest) message.payload();
                List<Cell> cells = r.intendedOwner() != null ? handoff.readFallback(node, r.key())
                        : storage(node).get(r.key());
                Messages.ReadResponse response = new Messages.ReadResponse(r.op(), node,
                        r.digestOnly() ? List.of() : cells, Storage.digest(cells), r.digestOnly());
                send(node, message.from(), MessageKind.READ_RESPONSE, r.key(), response.bytes(), response);
            }
            case WRITE_ACK, READ_REPAIR_ACK, READ_RESPONSE -> {
                long op = message.payload() instanceof Messages.Ack a ? a.op() : ((Messages.ReadResponse) message.payload()).op();
                InFlight operation = inFlight.get(op);
                if (operation != null) {
                    operation.onReply(message);
                }
            }
            default -> {
                Consumer<Message> handler = protocolHandlers.get(message.kind());
                if (handler != null) {
                    handler.accept(message);
                }
            }
        }
    }

    /** Compaction purges tombstones older than gc_grace; it runs ten times per gc_grace (at least every second). */
    private void scheduleCompaction() {
        long interval = Math.max(1_000_000L, config.gcGrace() / 10);
        sim.after(interval, () -> {
            for (String node : nodes()) {
                if (network.isUp(node)) {
                    for (String key : storage(node).purgeTombstones(timestamp(node), config.gcGrace())) {
                        sim.record(new Event.TombstonePurged(sim.now(), node, key));
                    }
                }
            }
            scheduleCompaction();
        });
    }

    /** Replicas of {@code key} that the coordinator would use now, with fallbacks if sloppy quorum is on. */
    List<HandoffHooks.Target> targets(String coordinator, String key) {
        return targets(coordinator, ring.placement(key));
    }

    List<HandoffHooks.Target> targets(String coordinator, Ring.Placement placement) {
        return handoff.targets(coordinator, placement.replicas(), placement.preferenceList(),
                n -> failureDetector.believesUp(coordinator, n));
    }

    private Replica replica(String node) {
        Replica replica = replicas.get(node);
        if (replica == null) {
            throw new IllegalArgumentException("unknown node " + node);
        }
        return replica;
    }

    private void requireNode(String node) {
        if (!replicas.containsKey(node)) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes are " + nodes() + ")");
        }
    }

    static List<String> stamps(List<Cell> cells) {
        String[] stamps = new String[cells.size()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = cells.get(i).stamp();
        }
        return List.of(stamps); // immutable: snapshots share it instead of copying it
    }
}
