package dev.repairscope.sim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Named counters that mechanisms bump and reports print (hintsStored, readRepairWrites, ...). */
public final class Counters {
    /** By hash: bumped on hot paths; {@link #snapshot()} sorts them by name. */
    private final Map<String, Long> values = new HashMap<>();

    public void add(String name, long amount) {
        values.merge(name, amount, Long::sum);
    }

    public void increment(String name) {
        add(name, 1);
    }

    /** Makes the counter show up (as 0) even before anything happened. */
    public void declare(String... names) {
        for (String name : names) {
            values.putIfAbsent(name, 0L);
        }
    }

    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Long> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
