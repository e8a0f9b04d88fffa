package dev.repairscope.repair.hints;

import dev.repairscope.cluster.Cell;
import java.util.List;

/**
 * One entry of a holder's queue: the version(s) of one key that {@code target} missed. A
 * coordinator's hint holds exactly the one version written; fallback data holds the merged
 * versions of the key the fallback keeps for its owner, so a newer write bumps its revision.
 */
final class Hint {
    private final long id;
    private final String target;
    private final String key;
    private final long storedAt;
    private final boolean fallbackData;
    private List<Cell> cells;
    private int revision;
    /** The delivery attempt awaiting its ack, or 0 when the hint is not on the wire. */
    private long delivery;

    Hint(long id, String target, String key, long storedAt, boolean fallbackData, List<Cell> cells) {
        this.id = id;
        this.target = target;
        this.key = key;
        this.storedAt = storedAt;
        this.fallbackData = fallbackData;
        this.cells = List.copyOf(cells);
    }

    long id() {
        return id;
    }

    String target() {
        return target;
    }

    String key() {
        return key;
    }

    long storedAt() {
        return storedAt;
    }

    boolean fallbackData() {
        return fallbackData;
    }

    List<Cell> cells() {
        return cells;
    }

    int revision() {
        return revision;
    }

    /** Fallback data only: a newer write merged in. A delivery of an older revision no longer empties the hint. */
    void replaceCells(List<Cell> merged) {
        cells = List.copyOf(merged);
        revision++;
    }

    long delivery() {
        return delivery;
    }

    boolean onTheWire() {
        return delivery != 0;
    }

    void setDelivery(long delivery) {
        this.delivery = delivery;
    }

    String versions() {
        return String.join(" | ", cells.stream().map(Cell::label).toList());
    }
}
