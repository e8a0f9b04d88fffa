package dev.repairscope.check;

import dev.repairscope.cluster.VectorClock;

/**
 * A version as the journal names it ({@code Cell.stamp()}): "w7@1000123" under last-write-wins,
 * "w7{n1:1,n3:2}" with vector clocks.
 */
record Stamp(long writeId, long timestamp, VectorClock clock) {

    static Stamp parse(String text) {
        int brace = text.indexOf('{');
        if (brace > 0) {
            return new Stamp(Long.parseLong(text.substring(1, brace)), 0, VectorClock.parse(text.substring(brace)));
        }
        int at = text.indexOf('@');
        return new Stamp(Long.parseLong(text, 1, at, 10), Long.parseLong(text, at + 1, text.length(), 10), null);
    }

    /** True when this version is the same as, or newer than, {@code other}. */
    boolean covers(Stamp other) {
        if (clock != null && other.clock != null) {
            return clock.descends(other.clock);
        }
        return timestamp > other.timestamp || (timestamp == other.timestamp && writeId == other.writeId);
    }
}
