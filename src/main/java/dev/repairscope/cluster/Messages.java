package dev.repairscope.cluster;

import java.util.List;

/** Payloads of the replica protocol. */
public final class Messages {
    private Messages() {
    }

    /** Store these versions; {@code intendedOwner} is set when the receiver is a fallback. */
    public record Mutation(long op, List<Cell> cells, String intendedOwner) {
        public int bytes() {
            int bytes = 16;
            for (int i = 0; i < cells.size(); i++) { // an index loop, not a stream: this runs for every message
                bytes += cells.get(i).bytes();
            }
            return bytes;
        }
    }

    /** The receiver stored (or already had) a mutation. */
    public record Ack(long op, String replica) {
    }

    /** Read a key: full data, or only its digest. */
    public record ReadRequest(long op, String key, boolean digestOnly, String intendedOwner) {
    }

    /** A replica's answer: its versions (empty for digest replies) and their digest. */
    public record ReadResponse(long op, String replica, List<Cell> cells, long digest, boolean digestOnly) {
        public int bytes() {
            if (digestOnly) {
                return 40;
            }
            int bytes = 24;
            for (int i = 0; i < cells.size(); i++) {
                bytes += cells.get(i).bytes();
            }
            return bytes;
        }
    }
}
