package dev.repairscope.repair.hints;

import dev.repairscope.cluster.HandoffHooks.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** Dynamo's "first N healthy nodes" of the extended preference list, fallbacks naming whom they stand in for. */
final class SloppyQuorum {
    private SloppyQuorum() {
    }

    static List<Target> targets(List<String> primaries, List<String> ringOrder, Predicate<String> believedUp) {
        List<Target> targets = new ArrayList<>();
        Deque<String> replaced = new ArrayDeque<>();
        for (String primary : primaries) {
            if (believedUp.test(primary)) {
                targets.add(new Target(primary, null));
            } else {
                replaced.add(primary);
            }
        }
        // walk on clockwise past the primaries: each live node takes the place of the next down primary
        for (String node : ringOrder) {
            if (replaced.isEmpty()) {
                break;
            }
            if (!primaries.contains(node) && believedUp.test(node)) {
                targets.add(new Target(node, replaced.poll()));
            }
        }
        return targets;
    }
}
