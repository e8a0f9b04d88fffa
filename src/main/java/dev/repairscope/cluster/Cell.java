package dev.repairscope.cluster;

import dev.repairscope.sim.DeepCopy;
import java.util.List;

/**
 * One version of one key as a replica stores it. {@code writeId} names the client operation that
 * produced it, so the checker can tell which write a read returned; {@code timestamp} is the
 * coordinator's clock (last-write-wins); {@code clock} is the vector clock (empty under LWW).
 */
public record Cell(String key, String value, boolean tombstone, long timestamp, VectorClock clock, long writeId,
                   String label, String stamp) implements DeepCopy.Shared {

    /**
     * A cell; its {@link #label()} and {@link #stamp()} are worked out once here, as every version
     * is labelled in the journal once per replica that applies it and stamped once per operation
     * that returns it. Both follow from the other components, so equality is unchanged by them.
     */
    public Cell(String key, String value, boolean tombstone, long timestamp, VectorClock clock, long writeId) {
        this(key, value, tombstone, timestamp, clock, writeId, version(timestamp, clock));
    }

    private Cell(String key, String value, boolean tombstone, long timestamp, VectorClock clock, long writeId,
                 String version) {
        this(key, value, tombstone, timestamp, clock, writeId, (tombstone ? "(deleted)" : value) + version,
                "w" + writeId + version);
    }

    /** The version part of a label or stamp: "@timestamp" under LWW, the vector clock otherwise. */
    private static String version(long timestamp, VectorClock clock) {
        return clock.equals(VectorClock.EMPTY) ? "@" + timestamp : clock.toString();
    }

    /** What users see: "v2", or "(deleted)". */
    public String shownValue() {
        return tombstone ? "(deleted)" : value;
    }

    /** Short label for logs: "v2@1000123" under LWW, "v2{n1:1}" with vector clocks. */
    @Override
    public String label() {
        return label;
    }

    /** Machine form the checker parses back: "w7@1000123" or "w7{n1:1}". */
    @Override
    public String stamp() {
        return stamp;
    }

    /** What a client sees of a key's versions: "v2", "not found", or "[a | b]" for siblings. */
    public static String shown(List<Cell> cells) {
        int live = 0;
        String only = null;
        for (int i = 0; i < cells.size(); i++) { // counted first: siblings are rare, one value needs no builder
            if (!cells.get(i).tombstone()) {
                only = cells.get(i).value();
                live++;
            }
        }
        if (live <= 1) {
            return live == 0 ? "not found" : only;
        }
        StringBuilder values = new StringBuilder("[");
        String separator = "";
        for (Cell cell : cells) {
            if (!cell.tombstone()) {
                values.append(separator).append(cell.value());
                separator = " | ";
            }
        }
        return values.append(']').toString();
    }

    /** Rough size on the wire: key, value and metadata. */
    public int bytes() {
        return key.length() + (value == null ? 0 : value.length()) + 24;
    }
}
