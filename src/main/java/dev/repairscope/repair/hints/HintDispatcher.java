package dev.repairscope.repair.hints;

import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Messages;
import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Simulation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * One holder's replay loop. A target is <em>active</em> from the moment the holder decides to
 * deliver to it (it was seen up, or the periodic check found it up) until nothing is left to send
 * or it is seen down. Hints go out oldest first as HINT_REPLAY messages, no faster than the
 * throttle allows, and leave the store only when their HINT_ACK arrives (at least once: a lost ack
 * means a second delivery, which the replica simply already has).
 */
final class HintDispatcher {

    /** One HINT_REPLAY on the wire: which hint, at which revision, and the timer that gives up on its ack. */
    private record Delivery(Hint hint, int revision, Simulation.Timer ackTimeout) {
    }

    private final HintedHandoff handoff;
    private final Cluster cluster;
    private final Simulation sim;
    private final String holder;
    private final HintStore store;
    private final TreeSet<String> active = new TreeSet<>();
    private final Map<Long, Delivery> deliveries = new HashMap<>();
    /** The throttle: the earliest time the next hint may be sent. */
    private long nextSendAt;
    private Simulation.Timer wakeUp;

    HintDispatcher(HintedHandoff handoff, Cluster cluster, String holder, HintStore store) {
        this.handoff = handoff;
        this.cluster = cluster;
        this.sim = cluster.sim();
        this.holder = holder;
        this.store = store;
    }

    /** Starts (or continues) delivering to {@code target}. */
    void activate(String target) {
        if (store.hasHintsFor(target)) {
            active.add(target);
            pump();
        }
    }

    void deactivate(String target) {
        active.remove(target);
    }

    /** The holder crashed: whatever was on the wire is forgotten (the hints themselves stay, or not, elsewhere). */
    void reset() {
        active.clear();
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
        for (Delivery d : deliveries.values()) {
            d.ackTimeout().cancel();
            d.hint().setDelivery(0);
        }
        deliveries.clear();
        nextSendAt = 0;
    }

    /** Sends what may be sent now, then sleeps until the throttle allows the next one. */
    private void pump() {
        if (wakeUp != null) {
            return; // already waiting for the throttle; that wake-up will carry on
        }
        while (true) {
            Hint next = nextToSend();
            if (next == null) {
                return;
            }
            if (handoff.expired(next)) {
                handoff.dropExpired(holder, next);
                continue;
            }
            if (sim.now() < nextSendAt) {
                wakeUp = sim.at(nextSendAt, () -> {
                    wakeUp = null;
                    pump();
                });
                return;
            }
            send(next);
        }
    }

    /** The oldest waiting hint among the active targets; drops targets that are done or seen down. */
    private Hint nextToSend() {
        if (!cluster.network().isUp(holder)) {
            active.clear();
            return null;
        }
        Hint best = null;
        for (Iterator<String> it = active.iterator(); it.hasNext(); ) {
            String target = it.next();
            Hint first = cluster.failureDetector().believesUp(holder, target) ? store.firstWaiting(target) : null;
            if (first == null) {
                it.remove();
            } else if (best == null || first.id() < best.id()) {
                best = first;
            }
        }
        return best;
    }

    private void send(Hint hint) {
        long deliveryId = handoff.nextId();
        // the mutation's op names this delivery attempt, so the ack says exactly what was applied
        Messages.Mutation mutation = new Messages.Mutation(deliveryId, hint.cells(), null);
        int bytes = mutation.bytes();
        cluster.network().send(holder, hint.target(), MessageKind.HINT_REPLAY, hint.key(), bytes, mutation);
        Simulation.Timer timeout = sim.after(cluster.config().writeTimeout(), () -> ackTimedOut(deliveryId));
        deliveries.put(deliveryId, new Delivery(hint, hint.revision(), timeout));
        hint.setDelivery(deliveryId);
        handoff.sentBytes(bytes);
        nextSendAt = sim.now() + throttleDelay(bytes);
    }

    /** How long {@code bytes} occupy the holder's hint bandwidth. */
    private long throttleDelay(int bytes) {
        long rate = handoff.settings().throttleBytesPerSecond();
        return rate == 0 ? 0 : (bytes * 1_000_000L + rate - 1) / rate;
    }

    void acknowledged(long deliveryId) {
        Delivery d = deliveries.remove(deliveryId);
        if (d == null) {
            return; // a late ack after a timeout or a crash: the hint was or will be sent again
        }
        d.ackTimeout().cancel();
        Hint hint = d.hint();
        if (hint.delivery() == deliveryId) {
            hint.setDelivery(0);
        }
        if (!store.contains(hint)) {
            return;
        }
        if (hint.revision() == d.revision()) {
            store.remove(hint);
            handoff.replayed(holder, hint);
        } else {
            activate(hint.target()); // newer data arrived while this copy was on the wire: send again
        }
    }

    /**
     * No ack in time: the hint goes back in line. Nothing is resent from here; it goes out again in
     * the target's current or next dispatch (seen up, or found up by the periodic check).
     */
    private void ackTimedOut(long deliveryId) {
        Delivery d = deliveries.remove(deliveryId);
        if (d != null && d.hint().delivery() == deliveryId) {
            d.hint().setDelivery(0);
        }
    }
}
