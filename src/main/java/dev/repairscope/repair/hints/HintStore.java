package dev.repairscope.repair.hints;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Versioning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hints one node holds, per target in arrival order. Kept apart from the node's own storage:
 * a fallback's data for another node never answers ordinary reads of that fallback.
 */
final class HintStore {
    private record OwnerKey(String owner, String key) {
    }

    private final TreeMap<String, LinkedHashMap<Long, Hint>> byTarget = new TreeMap<>();
    private final Map<Long, Hint> byId = new HashMap<>();
    private final Map<OwnerKey, Hint> fallbacks = new HashMap<>();

    void add(Hint hint) {
        byTarget.computeIfAbsent(hint.target(), t -> new LinkedHashMap<>()).put(hint.id(), hint);
        byId.put(hint.id(), hint);
        if (hint.fallbackData()) {
            fallbacks.put(new OwnerKey(hint.target(), hint.key()), hint);
        }
    }

    boolean remove(Hint hint) {
        if (byId.get(hint.id()) != hint) {
            return false;
        }
        byId.remove(hint.id());
        LinkedHashMap<Long, Hint> queue = byTarget.get(hint.target());
        queue.remove(hint.id());
        if (queue.isEmpty()) {
            byTarget.remove(hint.target());
        }
        if (hint.fallbackData()) {
            fallbacks.remove(new OwnerKey(hint.target(), hint.key()));
        }
        return true;
    }

    boolean contains(Hint hint) {
        return byId.get(hint.id()) == hint;
    }

    /** The fallback data kept for {@code owner}'s copy of {@code key}, or null. */
    Hint fallback(String owner, String key) {
        return fallbacks.get(new OwnerKey(owner, key));
    }

    /** Everything kept as a fallback for {@code key}, whichever owner it is for, merged. */
    List<Cell> fallbackCells(String key, Versioning versioning) {
        List<Cell> merged = List.of();
        for (String owner : byTarget.keySet()) {
            Hint hint = fallbacks.get(new OwnerKey(owner, key));
            if (hint != null) {
                merged = versioning.mergeAll(merged, hint.cells());
            }
        }
        return merged;
    }

    boolean hasHintsFor(String target) {
        return byTarget.containsKey(target);
    }

    /** The oldest hint for {@code target} that is not on the wire, or null. */
    Hint firstWaiting(String target) {
        LinkedHashMap<Long, Hint> queue = byTarget.get(target);
        if (queue != null) {
            for (Hint hint : queue.values()) {
                if (!hint.onTheWire()) {
                    return hint;
                }
            }
        }
        return null;
    }

    Set<String> targets() {
        return new TreeSet<>(byTarget.keySet());
    }

    /** Every hint, oldest first. */
    List<Hint> all() {
        List<Hint> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(Hint::id));
        return all;
    }

    int size() {
        return byId.size();
    }

    /** Empties the store; returns what it held, oldest first. */
    List<Hint> clear() {
        List<Hint> all = all();
        byTarget.clear();
        byId.clear();
        fallbacks.clear();
        return all;
    }
}
