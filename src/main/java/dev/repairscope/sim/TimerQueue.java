package dev.repairscope.sim;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The simulation's pending timers as a four-ary min-heap ordered by (time, sequence), with the two
 * keys kept in primitive arrays beside the timers. Every step pops one timer and usually pushes
 * one or two, so this is the innermost loop of a run: comparing two longs in an array the heap
 * walks anyway costs far less than {@code PriorityQueue}'s {@code compareTo} through two objects,
 * and four children per node halve the levels a pop sifts through.
 *
 * <p>(time, sequence) is a total order (sequences are unique), so any correct heap pops timers in
 * exactly the same order: the run is the same with this queue as with any other.
 */
final class TimerQueue<T> {
    private static final int ARITY = 4;

    private long[] times = new long[64];
    private long[] sequences = new long[64];
    private Object[] items = new Object[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long time, long sequence, T item) {
        if (size == items.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            items = Arrays.copyOf(items, capacity);
        }
        int hole = size++;
        while (hole > 0) { // sift up
            int parent = (hole - 1) / ARITY;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        put(hole, time, sequence, item);
    }

    /** The time of the first item (read from the keys, without touching the item); the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** The first item, or null when empty. */
    @SuppressWarnings("unchecked")
    T peek() {
        return size == 0 ? null : (T) items[0];
    }

    /** Removes and returns the first item, or null when empty. */
    @SuppressWarnings("unchecked")
    T poll() {
        if (size == 0) {
            return null;
        }
        T first = (T) items[0];
        int last = --size;
        long time = times[last];
        long sequence = sequences[last];
        Object item = items[last];
        items[last] = null;
        if (last > 0) {
            siftDown(0, time, sequence, item, last);
        }
        return first;
    }

    /** Drops every item {@code drop} accepts, then restores the heap (bottom-up, linear in the size). */
    @SuppressWarnings("unchecked")
    void removeIf(Predicate<? super T> drop) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!drop.test((T) items[i])) {
                put(kept++, times[i], sequences[i], items[i]);
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
        for (int parent = (size - 2) / ARITY; parent >= 0; parent--) {
            siftDown(parent, times[parent], sequences[parent], items[parent], size);
        }
    }

    /** Every item, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super T> action) {
        for (int i = 0; i < size; i++) {
            action.accept((T) items[i]);
        }
    }

    /** Places the item at {@code hole} or below it, moving smaller children up. */
    private void siftDown(int hole, long time, long sequence, Object item, int size) {
        while (true) {
            int first = hole * ARITY + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int end = Math.min(first + ARITY, size);
            for (int child = first + 1; child < end; child++) {
                if (before(times[child], sequences[child], times[best], sequences[best])) {
                    best = child;
                }
            }
            if (!before(times[best], sequences[best], time, sequence)) {
                break;
            }
            move(best, hole);
            hole = best;
        }
        put(hole, time, sequence, item);
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        items[to] = items[from];
    }

    private void put(int index, long time, long sequence, Object item) {
        times[index] = time;
        sequences[index] = sequence;
        items[index] = item;
    }
}
