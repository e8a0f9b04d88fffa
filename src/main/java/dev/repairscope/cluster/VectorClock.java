package dev.repairscope.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An immutable vector clock: (node, counter) pairs, as in Dynamo and Riak. */
public final class VectorClock implements dev.repairscope.sim.DeepCopy.Shared {
    public static final VectorClock EMPTY = new VectorClock(new TreeMap<>());

    /** How two clocks relate. */
    public enum Order { BEFORE, AFTER, EQUAL, CONCURRENT }

    private final TreeMap<String, Long> counters;
    /** {@link #digest()}, computed on first use; 0 means not yet (a real digest of 0 is just recomputed). */
    private long digest;

    private VectorClock(TreeMap<String, Long> counters) {
        this.counters = counters;
    }

    public static VectorClock of(Map<String, Long> counters) {
        return new VectorClock(new TreeMap<>(counters));
    }

    public long counter(String node) {
        return counters.getOrDefault(node, 0L);
    }

    public VectorClock increment(String node) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        next.merge(node, 1L, Long::sum);
        return new VectorClock(next);
    }

    /** The least clock that descends from both. */
    public VectorClock merge(VectorClock other) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        other.counters.forEach((node, c) -> next.merge(node, c, Math::max));
        return new VectorClock(next);
    }

    public Order compare(VectorClock other) {
        boolean less = false;
        boolean greater = false;
        TreeMap<String, Long> all = new TreeMap<>(counters);
        other.counters.forEach(all::putIfAbsent);
        for (String node : all.keySet()) {
            long a = counter(node);
            long b = other.counter(node);
            less |= a < b;
            greater |= a > b;
        }
        if (less && greater) {
            return Order.CONCURRENT;
        }
        return less ? Order.BEFORE : greater ? Order.AFTER : Order.EQUAL;
    }

    /** True when this clock is equal to or newer than {@code other}. */
    public boolean descends(VectorClock other) {
        Order order = compare(other);
        return order == Order.AFTER || order == Order.EQUAL;
    }

    /**
     * A stable 64-bit hash of the (node, counter) entries in node order: equal clocks give equal
     * digests in every run. Computed once per clock (clocks are immutable), so hashing a row's
     * versions over and over (Merkle trees) allocates nothing and walks no map.
     */
    public long digest() {
        long d = digest;
        if (d == 0) {
            d = computeDigest();
            digest = d; // a benign race, as in String.hashCode: every thread computes the same value
        }
        return d;
    }

    private long computeDigest() {
        long h = 0xcbf29ce484222325L;
        for (Map.Entry<String, Long> entry : counters.entrySet()) {
            String node = entry.getKey();
            for (int i = 0; i < node.length(); i++) {
                h = (h ^ node.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x10000) * 0x100000001b3L; // ends the name (no char is 0x10000): "n1" then 2 is not "n12"
            h = (h ^ entry.getValue()) * 0x100000001b3L;
            h ^= h >>> 29;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorClock v && v.counters.equals(counters);
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    @Override
    public String toString() {
        return counters.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Parses the {@link #toString()} form, e.g. "{n1:2,n3:1}". */
    public static VectorClock parse(String text) {
        String body = text.trim();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("not a vector clock: " + text);
        }
        body = body.substring(1, body.length() - 1);
        TreeMap<String, Long> counters = new TreeMap<>();
        if (!body.isBlank()) {
            for (String pair : body.split(",")) {
                int colon = pair.lastIndexOf(':');
                counters.put(pair.substring(0, colon).trim(), Long.parseLong(pair.substring(colon + 1).trim()));
            }
        }
        return new VectorClock(counters);
    }
}
