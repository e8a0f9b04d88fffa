package dev.repairscope.cluster;

import java.util.List;
import java.util.function.Predicate;

/**
 * The seam through which hinted handoff shapes the write path. The default sends to the live
 * primaries only and forgets what the others missed.
 */
public interface HandoffHooks {

    /** A replica to send a write (or read) to; {@code intendedOwner} is set when it stands in for a primary. */
    record Target(String node, String intendedOwner) {
        public boolean fallback() {
            return intendedOwner != null;
        }
    }

    /** Where the coordinator sends a write or read for a key. */
    default List<Target> targets(String coordinator, List<String> primaries, List<String> ringOrder,
                                 Predicate<String> believedUp) {
        List<Target> targets = new java.util.ArrayList<>(primaries.size());
        for (String node : primaries) {
            if (believedUp.test(node)) {
                targets.add(new Target(node, null));
            }
        }
        return targets;
    }

    /** Whether fallback replicas count toward the consistency level (sloppy quorum). */
    default boolean fallbacksCount() {
        return false;
    }

    /**
     * A replica missed (or may have missed) a write the coordinator sent or could not send.
     *
     * @return true when a hint was stored (it counts toward ANY)
     */
    default boolean missedWrite(String coordinator, String target, Cell cell, String reason) {
        return false;
    }

    /** A fallback node received a write meant for {@code owner}. */
    default void storeFallback(String holder, String owner, Cell cell) {
    }

    /** What a fallback node holds for {@code key} on behalf of others. */
    default List<Cell> readFallback(String holder, String key) {
        return List.of();
    }

    HandoffHooks NONE = new HandoffHooks() {
    };
}
