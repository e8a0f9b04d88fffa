package dev.repairscope.sim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Named counters that mechanisms bump and reports print (hintsStored, readRepairWrites, ...). */
public final class Counters {
    /**
     * By hash, each count a one-element array bumped in place: counters are bumped on every
     * operation, and a boxed Long would be a new object per bump. {@link #snapshot()} sorts by name.
     */
    private final Map<String, long[]> values = new HashMap<>();

    public void add(String name, long amount) {
        counter(name)[0] += amount;
    }

    public void increment(String name) {
        counter(name)[0]++;
    }

    /** Makes the counter show up (as 0) even before anything happened. */
    public void declare(String... names) {
        for (String name : names) {
            counter(name);
        }
    }

    public long get(String name) {
        long[] value = values.get(name);
        return value == null ? 0 : value[0];
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        values.forEach((name, value) -> sorted.put(name, value[0]));
        return Collections.unmodifiableMap(sorted);
    }

    private long[] counter(String name) {
        long[] value = values.get(name);
        if (value == null) {
            value = new long[1];
            values.put(name, value);
        }
        return value;
    }
}
