package dev.repairscope.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The handful of values a read collects by replica name (replies, full data), in the order the
 * replicas were first seen: a {@code LinkedHashMap}'s behaviour for at most N entries, without its
 * table and entry objects on every read. Putting a replica again replaces its value in place.
 */
final class ReplicaMap<V> {
    private final List<String> replicas = new ArrayList<>(4);
    private final List<V> values = new ArrayList<>(4);

    void put(String replica, V value) {
        int index = replicas.indexOf(replica);
        if (index >= 0) {
            values.set(index, value);
        } else {
            replicas.add(replica);
            values.add(value);
        }
    }

    void putIfAbsent(String replica, V value) {
        if (!replicas.contains(replica)) {
            replicas.add(replica);
            values.add(value);
        }
    }

    /** The value for {@code replica}, or null. */
    V get(String replica) {
        int index = replicas.indexOf(replica);
        return index < 0 ? null : values.get(index);
    }

    boolean containsKey(String replica) {
        return replicas.contains(replica);
    }

    boolean containsAll(Collection<String> wanted) {
        return replicas.containsAll(wanted);
    }

    /** The replicas in first-seen order (a live, read-only view). */
    List<String> replicas() {
        return Collections.unmodifiableList(replicas);
    }

    /** The value of the replica seen first; the map must not be empty. */
    V first() {
        return values.get(0);
    }

    int size() {
        return replicas.size();
    }

    boolean isEmpty() {
        return replicas.isEmpty();
    }
}
