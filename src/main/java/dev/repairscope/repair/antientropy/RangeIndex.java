package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Ring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The ring's token ranges by number (ring order), and which range a token falls in. The ring never changes. */
final class RangeIndex {
    private final List<Ring.TokenRange> ranges;
    /** Range i ends at ends[i]; ring order makes this ascending. A plain array: looking up a token boxes nothing. */
    private final long[] ends;

    RangeIndex(Ring ring) {
        this.ranges = ring.ranges();
        this.ends = new long[ranges.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = ranges.get(i).end();
            if (i > 0 && ends[i] <= ends[i - 1]) {
                throw new IllegalStateException("ranges are not in ring order: " + ranges);
            }
        }
    }

    int size() {
        return ranges.size();
    }

    Ring.TokenRange range(int index) {
        return ranges.get(index);
    }

    /** The range holding {@code token}: the first whose end is at or after it, else the wrapping one. */
    int indexOf(long token) {
        int at = Arrays.binarySearch(ends, token);
        if (at >= 0) {
            return at;
        }
        int firstAfter = -at - 1;
        return firstAfter < ends.length ? firstAfter : 0; // past the last end: the range wrapping over zero
    }

    int indexOfKey(String key) {
        return indexOf(Ring.tokenOf(key));
    }

    /** Numbers of the ranges both nodes replicate, in ring order. */
    List<Integer> common(String a, String b) {
        List<Integer> common = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            List<String> replicas = ranges.get(i).replicas();
            if (replicas.contains(a) && replicas.contains(b)) {
                common.add(i);
            }
        }
        return common;
    }
}
