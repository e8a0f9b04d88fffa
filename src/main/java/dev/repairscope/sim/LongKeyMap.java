package dev.repairscope.sim;

/**
 * A hash map from {@code long} to objects, for the tables looked up once or more per simulated
 * step by operation id (operations in flight, the checker's writes): a {@code HashMap<Long, V>}
 * boxes every key and allocates a node per entry. Open addressing with linear probing; removal
 * shifts the following entries back, so no tombstones build up. No iteration: lookups only.
 */
public final class LongKeyMap<V> {
    private static final int MIN_CAPACITY = 16;

    private long[] keys = new long[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        int mask = keys.length - 1;
        for (int slot = slotOf(key, mask); values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Maps {@code key} to {@code value} (not null); returns the previous value, or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null values are not stored (get returns null for absent keys)");
        }
        int mask = keys.length - 1;
        int slot = slotOf(key, mask);
        for (; values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                V previous = (V) values[slot];
                values[slot] = value;
                return previous;
            }
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size > keys.length / 2) { // at most half full: probes stay short
            grow();
        }
        return null;
    }

    /** Removes {@code key}; returns its value, or null when it was absent. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int mask = keys.length - 1;
        int slot = slotOf(key, mask);
        while (values[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == null) {
            return null;
        }
        V removed = (V) values[slot];
        // backward shift: move later entries of the probe run into the hole when their home allows it
        int hole = slot;
        for (int next = (hole + 1) & mask; values[next] != null; next = (next + 1) & mask) {
            int home = slotOf(keys[next], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        values[hole] = null;
        size--;
        return removed;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int slot = slotOf(oldKeys[i], mask);
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Fibonacci hashing, high bits folded down: sequential ids (the usual keys) spread over the table. */
    private static int slotOf(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "LongKeyMap(size=" + size + ")";
    }
}
