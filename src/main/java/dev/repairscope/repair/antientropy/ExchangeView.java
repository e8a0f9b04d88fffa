package dev.repairscope.repair.antientropy;

import java.util.List;

/**
 * A snapshot of one exchange for the UI's Merkle inspector: both replicas' trees range by range,
 * which nodes were compared and matched (draw them dimmed) or differed (draw them lit), and the
 * leaves to stream with their rows on each side (most of which usually agree: overstreaming).
 *
 * <p>Levels 0..{@value #FULL_LEVELS}-1 are listed in full; deeper levels list only the nodes the
 * exchange compared, since a depth-20 tree has two million nodes. {@code hashB} is the peer's
 * hash (0 until the peer has built its tree).
 *
 * @param level the level being compared, or the last one compared
 * @param waitingForStep a manual exchange waiting for the next {@code stepExchange()}
 * @param rowsActuallyDiffering rows whose versions differed between the two replicas when streaming began
 * @param result how it ended ("succeeded", "found them in sync", "failed (...)"), empty while it runs
 */
public record ExchangeView(long session, String nodeA, String nodeB, int depth, TreeMaintenance maintenance,
                           Phase phase, boolean manual, boolean waitingForStep, int level, List<RangeView> ranges,
                           long rowsStreamed, long bytesStreamed, int rowsActuallyDiffering, String result) {

    public static final int FULL_LEVELS = 5;

    public enum Phase {
        /** Hashes go back and forth, one level per round trip. */
        COMPARING,
        /** The rows of the differing leaves flow both ways. */
        STREAMING,
        /** The roots (or every compared node) matched: nothing to stream. */
        IN_SYNC,
        /** Differing leaves were streamed and acknowledged. */
        REPAIRED,
        /** The peer did not answer in time, or a replica was down. */
        FAILED
    }

    public enum Mark {
        NOT_COMPARED, MATCHED, DIFFERS
    }

    /** One tree position with both replicas' hashes. */
    public record TreeNode(int level, int index, long hashA, long hashB, Mark mark) {
    }

    /** One shared token range {@code (start, end]}: its tree nodes and the leaves to stream. */
    public record RangeView(long start, long end, List<TreeNode> nodes, List<LeafView> leavesToStream) {
    }

    /** A differing leaf: its sub-range and every row either replica holds in it. */
    public record LeafView(int leaf, long start, long end, List<RowView> rows) {
    }

    /** One row of a streamed leaf: its versions on each replica ("" when absent) and whether they differ. */
    public record RowView(String key, String onA, String onB, boolean differs) {
    }

    /** The exchange has ended (in sync, repaired or failed). */
    public boolean finished() {
        return phase == Phase.IN_SYNC || phase == Phase.REPAIRED || phase == Phase.FAILED;
    }

    /** A hash as 16 hex digits, for display. */
    public static String hex(long hash) {
        return String.format(java.util.Locale.ROOT, "%016x", hash);
    }
}
