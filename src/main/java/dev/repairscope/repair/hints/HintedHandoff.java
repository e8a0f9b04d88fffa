package dev.repairscope.repair.hints;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.HandoffHooks;
import dev.repairscope.cluster.Messages;
import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Counters;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Hinted handoff, Cassandra style (the coordinator keeps hints) or Dynamo/Riak style (sloppy
 * quorum: fallbacks keep the data for their owner), switchable while the cluster runs. Installs
 * itself as the cluster's {@link HandoffHooks}, registers the HINT_REPLAY / HINT_ACK protocol and
 * listens to crashes and to every node's failure detector.
 */
public final class HintedHandoff implements HandoffHooks {
    static final String STORED = "hintsStored";
    static final String REPLAYED = "hintsReplayed";
    static final String DROPPED_WINDOW = "hintsDroppedWindow";
    static final String DROPPED_EXPIRED = "hintsDroppedExpired";
    static final String LOST = "hintsLost";
    static final String BYTES = "handoffBytes";

    private final Cluster cluster;
    private final Simulation sim;
    private final Counters counters;
    private final Map<String, HintStore> stores = new LinkedHashMap<>();
    private final Map<String, HintDispatcher> dispatchers = new LinkedHashMap<>();
    private final Downtimes downtimes;
    private HintSettings settings;
    private Simulation.Timer dispatchCheck;
    private long nextId = 1;

    public HintedHandoff(Cluster cluster, HintSettings settings) {
        this.cluster = cluster;
        this.sim = cluster.sim();
        this.counters = cluster.counters();
        this.settings = Objects.requireNonNull(settings, "settings");
        for (String node : cluster.nodes()) {
            HintStore store = new HintStore();
            stores.put(node, store);
            dispatchers.put(node, new HintDispatcher(this, cluster, node, store));
        }
        this.downtimes = new Downtimes(sim, cluster.failureDetector(), cluster.nodes());
        counters.declare(STORED, REPLAYED, DROPPED_WINDOW, DROPPED_EXPIRED, LOST, BYTES);
        cluster.failureDetector().addBeliefListener(this::beliefChanged);
        cluster.network().addListener(new Network.Listener() {
            @Override
            public void nodeCrashed(String node) {
                holderCrashed(node);
            }
        });
        cluster.registerProtocol(MessageKind.HINT_REPLAY, this::onReplay);
        cluster.registerProtocol(MessageKind.HINT_ACK, this::onAck);
        cluster.setHandoff(this);
        scheduleDispatchCheck();
    }

    // ---- public API ---------------------------------------------------------------------------

    public HintSettings settings() {
        return settings;
    }

    /**
     * Switches the settings from now on. Hints already stored stay and are still delivered, also when
     * hints are switched off (as Cassandra's {@code nodetool disablehandoff} stops new hints only).
     */
    public void update(HintSettings settings) {
        Objects.requireNonNull(settings, "settings");
        boolean newInterval = settings.dispatchInterval() != this.settings.dispatchInterval();
        this.settings = settings;
        if (newInterval) {
            dispatchCheck.cancel();
            scheduleDispatchCheck();
        }
        sim.record(new Event.SettingChanged(sim.now(), "hintedHandoff", settings.describe()));
    }

    /** The queue of {@code holder}, oldest first, for the hint inspector. */
    public List<HintView> hints(String holder) {
        List<HintView> views = new ArrayList<>();
        for (Hint hint : store(holder).all()) {
            views.add(new HintView(holder, hint.target(), hint.key(), hint.versions(), sim.now() - hint.storedAt(),
                    hint.fallbackData() ? -1 : windowLeft(holder, hint.target()), hint.fallbackData()));
        }
        return views;
    }

    /** How many hints {@code holder} keeps (coordinator hints plus fallback data). */
    public int queued(String holder) {
        return store(holder).size();
    }

    // ---- the cluster's seam -------------------------------------------------------------------

    @Override
    public List<Target> targets(String coordinator, List<String> primaries, List<String> ringOrder,
                                Predicate<String> believedUp) {
        return fallbacksCount() ? SloppyQuorum.targets(primaries, ringOrder, believedUp)
                : HandoffHooks.super.targets(coordinator, primaries, ringOrder, believedUp);
    }

    @Override
    public boolean fallbacksCount() {
        return settings.enabled() && settings.style() == HandoffStyle.SLOPPY;
    }

    /**
     * Cassandra style only: Riak's coordinators keep no hints, a primary that no fallback stood in
     * for (or that simply timed out) misses the write until read repair or anti-entropy.
     */
    @Override
    public boolean missedWrite(String coordinator, String target, Cell cell, String reason) {
        if (!settings.enabled() || settings.style() != HandoffStyle.COORDINATOR) {
            return false;
        }
        long downFor = downtimes.downFor(coordinator, target);
        if (downFor > settings.window()) {
            counters.increment(DROPPED_WINDOW);
            sim.record(new Event.HintDropped(sim.now(), coordinator, target, cell.key(), target + " has been down for "
                    + Durations.format(downFor) + ", longer than the hint window of " + Durations.format(settings.window())
                    + ": no new hints until it is seen up again; only repair will catch it up"));
            return false;
        }
        store(coordinator, new Hint(nextId(), target, cell.key(), sim.now(), false, List.of(cell)), reason);
        return true;
    }

    /** Accepted whatever the settings: the coordinator sent it here as a fallback and will count the ack. */
    @Override
    public void storeFallback(String holder, String owner, Cell cell) {
        HintStore store = store(holder);
        Hint existing = store.fallback(owner, cell.key());
        String reason = holder + " stands in for " + owner + " as a fallback (sloppy quorum)";
        if (existing == null) {
            store(holder, new Hint(nextId(), owner, cell.key(), sim.now(), true, List.of(cell)), reason);
            return;
        }
        List<Cell> merged = cluster.config().versioning().merge(existing.cells(), cell);
        if (!merged.equals(existing.cells())) {
            existing.replaceCells(merged);
            counters.increment(STORED);
            sim.record(new Event.HintStored(sim.now(), holder, owner, cell.key(), cell.label(), reason));
        }
    }

    @Override
    public List<Cell> readFallback(String holder, String key) {
        return store(holder).fallbackCells(key, cluster.config().versioning());
    }

    // ---- replay protocol ----------------------------------------------------------------------

    /** Replica side: apply the replayed versions to the node's own storage, then acknowledge. */
    private void onReplay(Message message) {
        Messages.Mutation mutation = (Messages.Mutation) message.payload();
        String node = message.to();
        cluster.apply(node, mutation.cells(), "hint replay");
        cluster.network().send(node, message.from(), MessageKind.HINT_ACK, message.key(), 16,
                new Messages.Ack(mutation.op(), node));
    }

    private void onAck(Message message) {
        dispatchers.get(message.to()).acknowledged(((Messages.Ack) message.payload()).op());
    }

    /** Every dispatch interval each live holder drops expired hints and delivers to the targets it sees up. */
    private void scheduleDispatchCheck() {
        dispatchCheck = sim.after(settings.dispatchInterval(), () -> {
            for (String holder : cluster.nodes()) {
                if (cluster.network().isUp(holder)) {
                    checkHolder(holder);
                }
            }
            scheduleDispatchCheck();
        });
    }

    private void checkHolder(String holder) {
        HintStore store = store(holder);
        for (Hint hint : store.all()) {
            if (!hint.onTheWire() && expired(hint)) {
                dropExpired(holder, hint);
            }
        }
        for (String target : store.targets()) {
            if (cluster.failureDetector().believesUp(holder, target)) {
                dispatchers.get(holder).activate(target);
            }
        }
    }

    private void beliefChanged(String observer, String target, boolean up) {
        downtimes.beliefChanged(observer, target, up);
        if (up) {
            dispatchers.get(observer).activate(target); // gossip saw it alive: start now, not at the next check
        } else {
            dispatchers.get(observer).deactivate(target);
        }
    }

    private void holderCrashed(String holder) {
        dispatchers.get(holder).reset();
        if (settings.keepHintsOnCrash()) {
            return;
        }
        for (Hint hint : store(holder).clear()) {
            counters.add(LOST, hint.cells().size());
            sim.record(new Event.HintDropped(sim.now(), holder, hint.target(), hint.key(), holder
                    + " crashed and kept its hints only in memory (keepHintsOnCrash=false): the write is lost for "
                    + hint.target() + " until repair"));
        }
    }

    // ---- bookkeeping shared with the dispatcher ---------------------------------------------------

    long nextId() {
        return nextId++;
    }

    /** A coordinator's hint past its time to live (gc_grace); Riak's fallback data never expires. */
    boolean expired(Hint hint) {
        return !hint.fallbackData() && sim.now() - hint.storedAt() >= cluster.config().gcGrace();
    }

    void dropExpired(String holder, Hint hint) {
        store(holder).remove(hint);
        counters.add(DROPPED_EXPIRED, hint.cells().size());
        sim.record(new Event.HintDropped(sim.now(), holder, hint.target(), hint.key(), "the hint is "
                + Durations.format(sim.now() - hint.storedAt()) + " old, past its time to live (gc_grace "
                + Durations.format(cluster.config().gcGrace()) + "): applying it could bring deleted data back"));
    }

    void replayed(String holder, Hint hint) {
        counters.add(REPLAYED, hint.cells().size());
        for (Cell cell : hint.cells()) {
            sim.record(new Event.HintReplayed(sim.now(), holder, hint.target(), hint.key(), cell.label()));
        }
    }

    void sentBytes(int bytes) {
        counters.add(BYTES, bytes);
    }

    private void store(String holder, Hint hint, String reason) {
        store(holder).add(hint);
        counters.increment(STORED);
        sim.record(new Event.HintStored(sim.now(), holder, hint.target(), hint.key(), hint.versions(), reason));
    }

    private HintStore store(String holder) {
        HintStore store = stores.get(holder);
        if (store == null) {
            throw new IllegalArgumentException("unknown node " + holder + " (nodes are " + cluster.nodes() + ")");
        }
        return store;
    }

    private long windowLeft(String holder, String target) {
        long downFor = downtimes.downFor(holder, target);
        return downFor < 0 ? settings.window() : Math.max(0, settings.window() - downFor);
    }
}
