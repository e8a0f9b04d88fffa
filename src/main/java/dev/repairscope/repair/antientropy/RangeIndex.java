package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Ring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ring's token ranges by number (ring order), and which range a token falls in. The ring never changes. */
final class RangeIndex {
    private final List<Ring.TokenRange> ranges;
    private final TreeMap<Long, Integer> byEnd = new TreeMap<>();

    RangeIndex(Ring ring) {
        this.ranges = ring.ranges();
        for (int i = 0; i < ranges.size(); i++) {
            byEnd.put(ranges.get(i).end(), i);
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
        Map.Entry<Long, Integer> entry = byEnd.ceilingEntry(token);
        return entry != null ? entry.getValue() : byEnd.firstEntry().getValue();
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
