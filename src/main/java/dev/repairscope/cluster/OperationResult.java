package dev.repairscope.cluster;

import java.util.List;

/**
 * What the client got back.
 *
 * @param cells for reads, the reconciled versions (empty: not found); for writes, the version written
 */
public record OperationResult(long op, OperationType type, String key, Outcome outcome, List<Cell> cells,
                              long startedAt, long latency, String detail) {

    /** The value a client would see: "v2", "not found", or "[a | b]" for siblings. */
    public String shownValue() {
        return Cell.shown(cells);
    }
}
