package dev.repairscope.cluster;

import dev.repairscope.net.Link;
import dev.repairscope.net.Network;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each node's belief about every other node. A node is believed down only once its heartbeats have
 * failed to reach the observer for {@code detectionDelay}, and believed up again once they have
 * reached it for {@code recoveryDelay}: so a blip shorter than the delay produces timeouts, not
 * hints. A node always believes itself up.
 */
public final class FailureDetector implements Network.Listener {
    private final Simulation sim;
    private final Network network;
    private final long detectionDelay;
    private final long recoveryDelay;
    private final Map<Link, Boolean> believedUp = new HashMap<>();
    /** How many views are believed down: while none is, {@link #believesUp} need not look anything up. */
    private int believedDown;
    private final Map<Link, Pending> pending = new HashMap<>();

    public FailureDetector(Simulation sim, Network network, long detectionDelay, long recoveryDelay) {
        this.sim = sim;
        this.network = network;
        this.detectionDelay = detectionDelay;
        this.recoveryDelay = recoveryDelay;
        network.addListener(this);
    }

    /** Does {@code observer} currently believe {@code target} is alive? */
    public boolean believesUp(String observer, String target) {
        return believedDown == 0 || observer.equals(target)
                || believedUp.getOrDefault(new Link(observer, target), true);
    }

    public long detectionDelay() {
        return detectionDelay;
    }

    @Override
    public void nodeCrashed(String node) {
        reconsiderAll();
    }

    @Override
    public void nodeRecovered(String node) {
        reconsiderAll();
    }

    @Override
    public void linkChanged(Link link) {
        // heartbeats travel target -> observer, so a cut from -> to changes what "to" hears of "from"
        reconsider(new Link(link.to(), link.from()));
    }

    private void reconsiderAll() {
        List<String> nodes = network.nodes();
        for (String observer : nodes) {
            for (String target : nodes) {
                if (!observer.equals(target)) {
                    reconsider(new Link(observer, target));
                }
            }
        }
    }

    /**
     * Schedules a belief change for observer -> target if heartbeats now say otherwise. A change
     * already on its way to the same belief keeps its timer: an unrelated crash or link change
     * must not restart the clock.
     */
    private void reconsider(Link view) {
        boolean heard = network.reachable(view.to(), view.from());
        boolean believed = believesUp(view.from(), view.to());
        Pending current = pending.get(view);
        if (current != null && current.up() == heard) {
            return;
        }
        if (current != null) {
            pending.remove(view);
            current.timer().cancel();
        }
        if (heard == believed) {
            return;
        }
        long delay = heard ? recoveryDelay : detectionDelay;
        pending.put(view, new Pending(sim.after(delay, () -> settle(view)), heard));
    }

    /** A scheduled change of mind, towards up or down. */
    private record Pending(Simulation.Timer timer, boolean up) {
    }

    private void settle(Link view) {
        pending.remove(view);
        boolean heard = network.reachable(view.to(), view.from());
        if (heard == believesUp(view.from(), view.to()) || !network.isUp(view.from())) {
            return;
        }
        Boolean before = believedUp.put(view, heard);
        if (before == null || before) { // was up (unknown counts as up)
            believedDown += heard ? 0 : 1;
        } else {
            believedDown -= heard ? 1 : 0;
        }
        sim.record(heard ? new Event.NodeMarkedUp(sim.now(), view.from(), view.to())
                : new Event.NodeMarkedDown(sim.now(), view.from(), view.to()));
        listeners.forEach(l -> l.beliefChanged(view.from(), view.to(), heard));
    }

    /** Told when an observer changes its mind (hint replay starts when a target is seen up). */
    public interface BeliefListener {
        void beliefChanged(String observer, String target, boolean up);
    }

    private final List<BeliefListener> listeners = new java.util.ArrayList<>();

    public void addBeliefListener(BeliefListener listener) {
        listeners.add(listener);
    }
}
