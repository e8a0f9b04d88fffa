package dev.repairscope.repair.hints;

import dev.repairscope.cluster.FailureDetector;
import dev.repairscope.net.Link;
import dev.repairscope.sim.Simulation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Since when each node has believed each other node down, as its own failure detector says. The
 * hint window is measured from here, and resets only once the target has been seen up again.
 */
final class Downtimes {
    private final Simulation sim;
    private final Map<Link, Long> downSince = new HashMap<>();

    Downtimes(Simulation sim, FailureDetector detector, List<String> nodes) {
        this.sim = sim;
        // beliefs already down when hints are switched on count from now: the earlier start is unknown
        for (String observer : nodes) {
            for (String target : nodes) {
                if (!detector.believesUp(observer, target)) {
                    downSince.put(new Link(observer, target), sim.now());
                }
            }
        }
    }

    void beliefChanged(String observer, String target, boolean up) {
        Link view = new Link(observer, target);
        if (up) {
            downSince.remove(view);
        } else {
            downSince.putIfAbsent(view, sim.now());
        }
    }

    /** How long {@code observer} has believed {@code target} down, or -1 when it believes it up. */
    long downFor(String observer, String target) {
        Long since = downSince.get(new Link(observer, target));
        return since == null ? -1 : sim.now() - since;
    }
}
