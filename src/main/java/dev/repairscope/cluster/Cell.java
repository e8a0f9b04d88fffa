package dev.repairscope.cluster;

/**
 * One version of one key as a replica stores it. {@code writeId} names the client operation that
 * produced it, so the checker can tell which write a read returned; {@code timestamp} is the
 * coordinator's clock (last-write-wins); {@code clock} is the vector clock (empty under LWW).
 */
public record Cell(String key, String value, boolean tombstone, long timestamp, VectorClock clock, long writeId) {

    /** What users see: "v2", or "(deleted)". */
    public String shownValue() {
        return tombstone ? "(deleted)" : value;
    }

    /** Short label for logs: "v2@1000123" under LWW, "v2{n1:1}" with vector clocks. */
    public String label() {
        return shownValue() + (clock.equals(VectorClock.EMPTY) ? "@" + timestamp : clock.toString());
    }

    /** Machine form the checker parses back: "w7@1000123" or "w7{n1:1}". */
    public String stamp() {
        return "w" + writeId + (clock.equals(VectorClock.EMPTY) ? "@" + timestamp : clock.toString());
    }

    /** Rough size on the wire: key, value and metadata. */
    public int bytes() {
        return key.length() + (value == null ? 0 : value.length()) + 24;
    }
}
