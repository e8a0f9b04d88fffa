package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import java.util.List;

/**
 * Payloads of the exchange protocol. Lists run parallel to the session's shared ranges (ring
 * order), so one round trip covers one level of every range's tree. Sizes are rough wire sizes:
 * a 24-byte header, 4 bytes per node or leaf number, {@link MerkleTree#HASH_BYTES} per hash.
 */
final class ExchangeMessages {
    private static final int HEADER = 24;

    private ExchangeMessages() {
    }

    sealed interface Payload permits HashRequest, HashResponse, Stream, StreamAck {
        long session();
    }

    /** MERKLE_REQUEST: the initiator asks its peer for the hashes of these nodes at one level. */
    record HashRequest(long session, int level, List<List<Integer>> indexes) implements Payload {
        int bytes() {
            return HEADER + 4 * indexes.stream().mapToInt(List::size).sum();
        }
    }

    /** MERKLE_RESPONSE: the peer's hashes, in the order they were asked for. */
    record HashResponse(long session, int level, List<List<Long>> hashes) implements Payload {
        int bytes() {
            return HEADER + MerkleTree.HASH_BYTES * hashes.stream().mapToInt(List::size).sum();
        }
    }

    /**
     * STREAM: every row of the differing leaves, as the sender stores it. The initiator's stream
     * names the leaves ({@code leaves}, per range) so the peer streams the same leaves back
     * ({@code reply}).
     */
    record Stream(long session, List<Cell> cells, int rows, List<List<Integer>> leaves, boolean reply)
            implements Payload {
        int bytes() {
            return HEADER + cells.stream().mapToInt(Cell::bytes).sum()
                    + 4 * leaves.stream().mapToInt(List::size).sum();
        }
    }

    /** STREAM_ACK: the receiver applied a stream. */
    record StreamAck(long session, int rows) implements Payload {
        int bytes() {
            return HEADER;
        }
    }
}
