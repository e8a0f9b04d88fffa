package dev.repairscope.cluster;

import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A coordinator's write: send to every replica it believes alive, answer after the consistency
 * level's acks or fail with Timeout; refuse up front with Unavailable when too few replicas are
 * believed alive. A write that timed out may still have landed on some replicas.
 */
final class WriteOperation implements Cluster.InFlight {
    private final Cluster cluster;
    private final long op;
    private final OperationType type;
    private final String coordinator;
    private final String key;
    private final String value;
    private final ConsistencyLevel level;
    private final Consumer<OperationResult> callback;
    private final long startedAt;
    /** Replicas that acknowledged, at most N: a list searched in place beats hashing a few names. */
    private final List<String> acked = new ArrayList<>(4);
    private List<HandoffHooks.Target> targets = List.of();
    private Cell cell;
    private int countedAcks;
    private int blockFor;
    private boolean answered;
    private Simulation.Timer timeout;

    WriteOperation(Cluster cluster, long op, OperationType type, String coordinator, String key, String value,
                   ConsistencyLevel level, Consumer<OperationResult> callback) {
        this.cluster = cluster;
        this.op = op;
        this.type = type;
        this.coordinator = coordinator;
        this.key = key;
        this.value = value;
        this.level = level;
        this.callback = callback;
        this.startedAt = cluster.sim().now();
    }

    void start() {
        Simulation sim = cluster.sim();
        sim.record(new Event.OperationStarted(sim.now(), op, type.name(), coordinator, key, value, level.name()));
        if (!cluster.network().isUp(coordinator)) {
            finish(Outcome.TIMEOUT, List.of(), "coordinator " + coordinator + " is down: the client hears nothing");
            return;
        }
        int rf = cluster.ring().replicationFactor();
        blockFor = level.blockFor(rf);
        Ring.Placement placement = cluster.ring().placement(key);
        List<String> primaries = placement.replicas();
        targets = cluster.targets(coordinator, placement);
        long countable = 0;
        for (int i = 0; i < targets.size(); i++) {
            if (!targets.get(i).fallback() || cluster.handoff().fallbacksCount()) {
                countable++;
            }
        }
        if (level != ConsistencyLevel.ANY && countable < blockFor) {
            finish(Outcome.UNAVAILABLE, List.of(), "needs " + blockFor + " replica(s) of " + primaries + ", "
                    + coordinator + " believes only " + countable + " alive");
            return;
        }
        cell = newCell(primaries);
        cluster.track(op, this);
        for (String primary : primaries) {
            if (!covers(targets, primary)
                    && cluster.handoff().missedWrite(coordinator, primary, cell, coordinator + " believes " + primary + " is down")
                    && level == ConsistencyLevel.ANY) {
                countedAcks++; // under ANY a stored hint is as good as an ack
            }
        }
        Messages.Mutation mutation = new Messages.Mutation(op, List.of(cell), null);
        for (int i = 0; i < targets.size(); i++) {
            HandoffHooks.Target target = targets.get(i);
            Messages.Mutation m = target.fallback() ? new Messages.Mutation(op, List.of(cell), target.intendedOwner()) : mutation;
            cluster.send(coordinator, target.node(), MessageKind.WRITE, key, m.bytes(), m);
        }
        timeout = sim.after(cluster.config().writeTimeout(), this::onTimeout);
        if (countedAcks >= blockFor) {
            finish(Outcome.OK, List.of(cell), "a hint was stored; no replica has it yet");
        } else if (level == ConsistencyLevel.ANY && targets.isEmpty()) {
            finish(Outcome.UNAVAILABLE, List.of(), "no replica alive and no hint could be stored");
        }
    }

    /** Whether a write to {@code targets} reaches {@code primary}, itself or through a fallback standing in for it. */
    private static boolean covers(List<HandoffHooks.Target> targets, String primary) {
        for (int i = 0; i < targets.size(); i++) {
            HandoffHooks.Target target = targets.get(i);
            if (primary.equals(target.fallback() ? target.intendedOwner() : target.node())) {
                return true;
            }
        }
        return false;
    }

    /** LWW: the coordinator's clock. Vector clocks: the coordinator's stored (and last issued) clock, incremented. */
    private Cell newCell(List<String> primaries) {
        long ts = cluster.timestamp(coordinator);
        VectorClock clock = VectorClock.EMPTY;
        if (cluster.config().versioning() == Versioning.VECTOR_CLOCKS) {
            clock = cluster.nextClock(coordinator, key);
        }
        return new Cell(key, type == OperationType.DELETE ? null : value, type == OperationType.DELETE, ts, clock, op);
    }

    @Override
    public void onReply(Message message) {
        if (message.kind() != MessageKind.WRITE_ACK || acked.contains(message.from())) {
            return;
        }
        acked.add(message.from());
        HandoffHooks.Target target = null;
        for (int i = 0; i < targets.size(); i++) { // an index loop: no iterator per ack
            if (targets.get(i).node().equals(message.from())) {
                target = targets.get(i);
                break;
            }
        }
        if (target != null && (!target.fallback() || cluster.handoff().fallbacksCount())) {
            countedAcks++;
        }
        if (!answered && countedAcks >= blockFor) {
            String detail = acked.size() + " of " + targets.size() + " acked";
            finish(Outcome.OK, List.of(cell), detail);
        }
        if (acked.size() == targets.size()) {
            cluster.untrack(op);
            if (timeout != null) {
                timeout.cancel();
            }
        }
    }

    private void onTimeout() {
        cluster.untrack(op);
        if (cluster.network().isUp(coordinator)) {
            for (HandoffHooks.Target target : targets) {
                if (!acked.contains(target.node()) && !target.fallback()) {
                    cluster.handoff().missedWrite(coordinator, target.node(), cell,
                            target.node() + " did not acknowledge within the write timeout");
                }
            }
        }
        if (!answered) {
            finish(Outcome.TIMEOUT, List.of(cell), "only " + countedAcks + " of " + blockFor
                    + " required ack(s) in time; the write may still have landed on " + new HashSet<>(acked)); // listed in hash order, as always
        }
    }

    private void finish(Outcome outcome, List<Cell> cells, String detail) {
        answered = true;
        Simulation sim = cluster.sim();
        long latency = sim.now() - startedAt;
        if (outcome == Outcome.TIMEOUT) {
            cluster.counters().increment("writeTimeouts");
        } else if (outcome == Outcome.UNAVAILABLE) {
            cluster.counters().increment("writeUnavailables");
        }
        sim.record(new Event.OperationCompleted(sim.now(), op, type.name(), coordinator, key, outcome.name(),
                cell == null ? "" : cell.shownValue(), Cluster.stamps(cells), latency, detail));
        if (callback != null) {
            callback.accept(new OperationResult(op, type, key, outcome, new ArrayList<>(cells), startedAt, latency, detail));
        }
    }
}
