package dev.repairscope.staleness;

import dev.repairscope.cluster.HandoffHooks;
import dev.repairscope.sim.RandomSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Static quorums through the handoff seam: a write coordinated by one of the writer nodes goes to
 * exactly W of the key's replicas, chosen uniformly at random; reads (coordinated elsewhere) still
 * see every replica. The cluster then commits after those W acks, as the closed form assumes.
 */
final class ConfinedWrites implements HandoffHooks {
    private final Set<String> writers;
    private final int w;
    private final RandomSource.Stream random;

    ConfinedWrites(Set<String> writers, int w, RandomSource.Stream random) {
        this.writers = Set.copyOf(writers);
        this.w = w;
        this.random = random;
    }

    @Override
    public List<Target> targets(String coordinator, List<String> primaries, List<String> ringOrder,
                                Predicate<String> believedUp) {
        if (!writers.contains(coordinator)) {
            return HandoffHooks.super.targets(coordinator, primaries, ringOrder, believedUp);
        }
        List<String> pool = new ArrayList<>(primaries);
        for (int i = 0; i < w; i++) { // a partial Fisher-Yates shuffle: the first w are a uniform w-subset
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        return pool.subList(0, w).stream().map(node -> new Target(node, null)).toList();
    }
}
