package dev.repairscope.cluster;

import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A coordinator's read, Cassandra style: one data request plus digest requests to as many
 * replicas as the level needs. When the digests disagree it reads full data from those replicas,
 * reconciles, and repairs according to the read-repair plan (nothing, before answering, or after).
 * A plan may also contact every replica and repair them all in the background (legacy
 * read_repair_chance; Riak's asynchronous read repair).
 */
final class ReadOperation implements Cluster.InFlight {
    private final Cluster cluster;
    private final long op;
    private final String coordinator;
    private final String key;
    private final ConsistencyLevel level;
    private final Consumer<OperationResult> callback;
    private final long startedAt;
    private final ReplicaMap<Messages.ReadResponse> replies = new ReplicaMap<>();
    private final ReplicaMap<List<Cell>> fullData = new ReplicaMap<>();
    /** Replicas a foreground repair waits for; made when a repair first waits (most reads never do). */
    private Set<String> awaitingRepairAck = Set.of();
    private final List<RepairRound> rounds = new ArrayList<>();
    private List<HandoffHooks.Target> contacted = List.of();
    private ReadRepairPolicy.Plan plan;
    private int blockFor;
    private boolean answered;
    private boolean backgroundChecked;
    private Simulation.Timer deadline;

    ReadOperation(Cluster cluster, long op, String coordinator, String key, ConsistencyLevel level,
                  Consumer<OperationResult> callback) {
        this.cluster = cluster;
        this.op = op;
        this.coordinator = coordinator;
        this.key = key;
        this.level = level;
        this.callback = callback;
        this.startedAt = cluster.sim().now();
    }

    void start() {
        Simulation sim = cluster.sim();
        sim.record(new Event.OperationStarted(sim.now(), op, "READ", coordinator, key, null, level.name()));
        if (!cluster.network().isUp(coordinator)) {
            answer(Outcome.TIMEOUT, List.of(), "coordinator " + coordinator + " is down: the client hears nothing");
            return;
        }
        blockFor = level.blockFor(cluster.ring().replicationFactor());
        List<HandoffHooks.Target> alive = new ArrayList<>(cluster.targets(coordinator, key));
        if (!cluster.handoff().fallbacksCount()) {
            alive.removeIf(HandoffHooks.Target::fallback);
        }
        // the coordinator reads locally first when it is a replica (no network hop), then in ring order
        alive.sort((a, b) -> Boolean.compare(!a.node().equals(coordinator), !b.node().equals(coordinator)));
        if (alive.size() < blockFor) {
            answer(Outcome.UNAVAILABLE, List.of(), "needs " + blockFor + " replica(s), " + coordinator
                    + " believes only " + alive.size() + " alive");
            return;
        }
        plan = cluster.readRepair().plan(key);
        contacted = plan.contactAll() ? alive : List.copyOf(alive.subList(0, blockFor));
        cluster.track(op, this);
        for (int i = 0; i < contacted.size(); i++) {
            boolean digest = i > 0 && !plan.fullDataFromAll();
            request(contacted.get(i), digest);
        }
        deadline = sim.after(cluster.config().readTimeout(), this::onDeadline);
    }

    private void request(HandoffHooks.Target target, boolean digestOnly) {
        Messages.ReadRequest request = new Messages.ReadRequest(op, key, digestOnly, target.intendedOwner());
        cluster.send(coordinator, target.node(), digestOnly ? MessageKind.READ_DIGEST : MessageKind.READ_DATA,
                key, 32, request);
    }

    @Override
    public void onReply(Message message) {
        if (message.kind() == MessageKind.READ_REPAIR_ACK) {
            onRepairAck(message.from());
            return;
        }
        Messages.ReadResponse response = (Messages.ReadResponse) message.payload();
        if (!response.digestOnly()) {
            fullData.put(response.replica(), response.cells());
        }
        replies.putIfAbsent(response.replica(), response);
        if (!rounds.isEmpty()) { // rare: spares the copy and its iterator on every other reply
            for (RepairRound round : List.copyOf(rounds)) {
                round.progress();
            }
        }
        if (!answered && rounds.isEmpty()) {
            decideIfEnoughReplies();
        }
        repairAllIfDue();
        finishIfIdle();
    }

    /**
     * Once the client has its answer and every contacted replica has replied, repair any that
     * disagree, in the background. Checked on every reply and again when a blocking repair
     * completes: the last reply may well have arrived while the answer was still held back.
     */
    private void repairAllIfDue() {
        if (answered && plan.repairAllAfterward() && !backgroundChecked && replies.size() == contacted.size()) {
            backgroundChecked = true;
            if (disagree(replies.replicas())) {
                RepairRound round = new RepairRound(List.copyOf(replies.replicas()), ReadRepairPolicy.Repair.ASYNC, true);
                rounds.add(round);
                round.progress();
            }
        }
    }

    /** Once the level's replies (one with data) are in: answer, or start a repair round. */
    private void decideIfEnoughReplies() {
        if (replies.size() < blockFor || fullData.isEmpty()) {
            return;
        }
        // the data reply first, then digests in arrival order: these are the replies the level waits for
        List<String> ordered = new ArrayList<>(replies.size());
        ordered.addAll(fullData.replicas());
        for (String replica : replies.replicas()) { // a loop, not a stream: once per read
            if (!fullData.containsKey(replica)) {
                ordered.add(replica);
            }
        }
        List<String> first = List.copyOf(ordered.subList(0, blockFor));
        if (!disagree(first)) {
            answer(Outcome.OK, fullData.first(), "");
            return;
        }
        if (plan.fullDataFromAll() && plan.onMismatch() == ReadRepairPolicy.Repair.NONE) {
            // Riak style: answer with the reconciled value now; repair once everyone has replied
            cluster.counters().increment("digestMismatches");
            answer(Outcome.OK, reconcile(first), "reconciled " + first.size() + " replies");
            return;
        }
        rounds.add(new RepairRound(first, plan.onMismatch(), false));
        rounds.get(rounds.size() - 1).progress();
    }

    private boolean disagree(Iterable<String> replicas) {
        boolean first = true;
        long digest = 0;
        for (String replica : replicas) {
            long d = replies.get(replica).digest();
            if (!first && digest != d) {
                return true;
            }
            first = false;
            digest = d;
        }
        return false;
    }

    private List<Cell> reconcile(List<String> replicas) {
        List<Cell> merged = List.of();
        for (String replica : replicas) {
            merged = cluster.config().versioning().mergeAll(merged, fullData.get(replica));
        }
        return merged;
    }

    /**
     * One round of "read full data from the replicas that disagreed, reconcile, write back". A
     * foreground round holds the client's answer until every repair write is acknowledged.
     */
    private final class RepairRound {
        private final List<String> replicas;
        private final ReadRepairPolicy.Repair repair;
        private final boolean background;
        private final long startedAt = cluster.sim().now();
        private boolean fetched;
        private boolean reconciled;

        RepairRound(List<String> replicas, ReadRepairPolicy.Repair repair, boolean background) {
            this.replicas = replicas;
            this.repair = repair;
            this.background = background;
            Simulation sim = cluster.sim();
            cluster.counters().increment("digestMismatches");
            sim.record(new Event.DigestMismatch(sim.now(), op, coordinator, key, replicas));
        }

        void progress() {
            if (!fetched) {
                fetched = true;
                for (String replica : replicas) {
                    if (!fullData.containsKey(replica)) {
                        request(targetOf(replica), false);
                    }
                }
            }
            if (reconciled || !fullData.containsAll(replicas)) {
                return;
            }
            reconciled = true;
            List<Cell> resolved = reconcile(replicas);
            long resolvedDigest = Storage.digest(resolved);
            List<String> stale = replicas.stream()
                    .filter(r -> Storage.digest(cluster.config().versioning().mergeAll(fullData.get(r), List.of())) != resolvedDigest)
                    .toList();
            if (repair == ReadRepairPolicy.Repair.NONE || stale.isEmpty()) {
                rounds.remove(this);
                answerIfPending(resolved, "reconciled, nothing written back");
                return;
            }
            sendRepairs(stale, resolved);
            if (repair == ReadRepairPolicy.Repair.BLOCKING && !background) {
                if (awaitingRepairAck.isEmpty()) {
                    awaitingRepairAck = new LinkedHashSet<>();
                }
                awaitingRepairAck.addAll(stale);
                repairedInForeground = stale;
                cluster.counters().increment("readRepairsForeground");
                pendingAnswer = resolved;
                foregroundSince = startedAt;
            } else {
                cluster.counters().increment("readRepairsBackground");
                rounds.remove(this);
                answerIfPending(resolved, "answered; " + stale.size() + " replica(s) repaired in the background");
            }
        }

        private void sendRepairs(List<String> stale, List<Cell> resolved) {
            Simulation sim = cluster.sim();
            String mode = repair == ReadRepairPolicy.Repair.BLOCKING && !background ? "foreground" : "background";
            for (String replica : stale) {
                List<Cell> missing = resolved.stream().filter(c -> !fullData.get(replica).contains(c)).toList();
                Messages.Mutation mutation = new Messages.Mutation(op, missing, targetOf(replica).intendedOwner());
                cluster.counters().increment("readRepairWrites");
                cluster.counters().add("readRepairBytes", mutation.bytes());
                for (Cell cell : missing) {
                    sim.record(new Event.ReadRepairSent(sim.now(), op, coordinator, replica, key, cell.label(), mode));
                }
                cluster.send(coordinator, replica, MessageKind.READ_REPAIR, key, mutation.bytes(), mutation);
            }
        }
    }

    private List<Cell> pendingAnswer;
    private List<String> repairedInForeground = List.of();
    private long foregroundSince;

    private void onRepairAck(String replica) {
        if (!awaitingRepairAck.isEmpty() && awaitingRepairAck.remove(replica) && awaitingRepairAck.isEmpty()
                && pendingAnswer != null) {
            rounds.removeIf(r -> !r.background);
            cluster.counters().add("readRepairForegroundMicros", cluster.sim().now() - foregroundSince);
            // the repaired replicas now hold the resolved versions: a later background check must not repair them again
            for (String repaired : repairedInForeground) {
                List<Cell> now = cluster.config().versioning().mergeAll(fullData.get(repaired), pendingAnswer);
                fullData.put(repaired, now);
                replies.put(repaired, new Messages.ReadResponse(op, repaired, now, Storage.digest(now), false));
            }
            answerIfPending(pendingAnswer, "after a blocking read repair");
            pendingAnswer = null;
        }
        repairAllIfDue();
        finishIfIdle();
    }

    private HandoffHooks.Target targetOf(String replica) {
        for (HandoffHooks.Target target : contacted) {
            if (target.node().equals(replica)) {
                return target;
            }
        }
        return new HandoffHooks.Target(replica, null);
    }

    private void answerIfPending(List<Cell> cells, String detail) {
        if (!answered) {
            answer(Outcome.OK, cells, detail);
        }
    }

    private void onDeadline() {
        if (!answered) {
            String why = !awaitingRepairAck.isEmpty()
                    ? "the blocking read repair to " + awaitingRepairAck + " was not acknowledged in time"
                    : "only " + replies.size() + " of " + blockFor + " replies arrived in time";
            cluster.counters().increment("readTimeouts");
            answer(Outcome.TIMEOUT, List.of(), why);
        }
        cluster.untrack(op);
    }

    private void finishIfIdle() {
        if (answered && rounds.isEmpty() && awaitingRepairAck.isEmpty()
                && (!plan.repairAllAfterward() || backgroundChecked)) {
            cluster.untrack(op);
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    private void answer(Outcome outcome, List<Cell> cells, String detail) {
        answered = true;
        Simulation sim = cluster.sim();
        long latency = sim.now() - startedAt;
        if (outcome == Outcome.UNAVAILABLE) {
            cluster.counters().increment("readUnavailables");
        }
        OperationResult result = new OperationResult(op, OperationType.READ, key, outcome, cells, startedAt, latency, detail);
        sim.record(new Event.OperationCompleted(sim.now(), op, "READ", coordinator, key, outcome.name(),
                outcome == Outcome.OK ? result.shownValue() : "", Cluster.stamps(cells), latency, detail));
        if (callback != null) {
            callback.accept(result);
        }
    }
}
