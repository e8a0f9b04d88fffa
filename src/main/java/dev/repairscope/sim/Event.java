package dev.repairscope.sim;

import java.util.List;

/**
 * Everything the journal can hold. Each event knows its simulated time and can explain itself in
 * one plain sentence. Components are strings, numbers and enums only, so the canonical text
 * ({@code toString()}) is stable and the trace digest is reproducible.
 */
public sealed interface Event extends DeepCopy.Shared {

    /** Simulated time of the event, in microseconds. */
    long at();

    /** One plain sentence for the event log and captions. */
    String describe();

    /** The short type name used in traces and filters. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** Nodes the event concerns (for filtering); first is the acting node. */
    List<String> nodes();

    /** The key the event concerns, or null. */
    default String key() {
        return null;
    }

    // ---- network ---------------------------------------------------------------------------

    record MessageSent(long at, long id, String kind, String from, String to, String key, int bytes,
                       long deliverAt) implements Event {
        public String describe() {
            return from + " sent " + kind + (key == null ? "" : " for " + key) + " to " + to
                    + " (" + bytes + " B, arrives in " + Durations.format(deliverAt - at) + ")";
        }

        public List<String> nodes() {
            return List.of(from, to);
        }
    }

    record MessageDelivered(long at, long id, String kind, String from, String to, String key)
            implements Event {
        public String describe() {
            return to + " received " + kind + (key == null ? "" : " for " + key) + " from " + from;
        }

        public List<String> nodes() {
            return List.of(to, from);
        }
    }

    record MessageDropped(long at, long id, String kind, String from, String to, String key, String reason)
            implements Event {
        public String describe() {
            return kind + (key == null ? "" : " for " + key) + " from " + from + " to " + to
                    + " was lost: " + reason;
        }

        public List<String> nodes() {
            return List.of(from, to);
        }
    }

    record NodeCrashed(long at, String node) implements Event {
        public String describe() {
            return node + " crashed: it answers nothing until it recovers";
        }

        public List<String> nodes() {
            return List.of(node);
        }
    }

    record NodeRecovered(long at, String node) implements Event {
        public String describe() {
            return node + " recovered with the data it had on disk";
        }

        public List<String> nodes() {
            return List.of(node);
        }
    }

    record LinkCut(long at, String from, String to, boolean oneWay) implements Event {
        public String describe() {
            return oneWay ? "the link " + from + " -> " + to + " was cut one way: " + to + " still reaches " + from
                    : "the link " + from + " <-> " + to + " was cut both ways";
        }

        public List<String> nodes() {
            return List.of(from, to);
        }
    }

    record LinkHealed(long at, String from, String to, boolean oneWay) implements Event {
        public String describe() {
            return "the link " + from + (oneWay ? " -> " : " <-> ") + to + " healed";
        }

        public List<String> nodes() {
            return List.of(from, to);
        }
    }

    record NetworkChanged(long at, String description) implements Event {
        public String describe() {
            return "network: " + description;
        }

        public List<String> nodes() {
            return List.of();
        }
    }

    record NodeMarkedDown(long at, String observer, String target) implements Event {
        public String describe() {
            return observer + "'s failure detector now believes " + target + " is down";
        }

        public List<String> nodes() {
            return List.of(observer, target);
        }
    }

    record NodeMarkedUp(long at, String observer, String target) implements Event {
        public String describe() {
            return observer + " sees " + target + " alive again";
        }

        public List<String> nodes() {
            return List.of(observer, target);
        }
    }

    // ---- client operations -----------------------------------------------------------------

    record OperationStarted(long at, long op, String type, String coordinator, String key, String value,
                            String consistency) implements Event {
        public String describe() {
            return "client asked " + coordinator + " to " + type.toLowerCase(java.util.Locale.ROOT) + " " + key
                    + (value == null ? "" : "=" + value) + " at " + consistency + " (op " + op + ")";
        }

        public List<String> nodes() {
            return List.of(coordinator);
        }
    }

    /** {@code versions} holds the stamps of what was written or returned ({@code Cell.stamp()}). */
    record OperationCompleted(long at, long op, String type, String coordinator, String key, String outcome,
                              String result, List<String> versions, long latency, String detail) implements Event {
        public String describe() {
            String what = type.toLowerCase(java.util.Locale.ROOT) + " of " + key + " (op " + op + ")";
            if (!"OK".equals(outcome)) {
                return what + " failed with " + outcome + " after " + Durations.format(latency) + ": " + detail;
            }
            return what + " succeeded in " + Durations.format(latency)
                    + ("READ".equals(type) ? ", returning " + result : "") + (detail.isEmpty() ? "" : " (" + detail + ")");
        }

        public List<String> nodes() {
            return List.of(coordinator);
        }
    }

    // ---- replicas --------------------------------------------------------------------------

    record ReplicaApplied(long at, String node, String key, String version, boolean changed, String via)
            implements Event {
        public String describe() {
            return node + (changed ? " stored " : " already had ") + key + "=" + version + " (via " + via + ")";
        }

        public List<String> nodes() {
            return List.of(node);
        }
    }

    record TombstonePurged(long at, String node, String key) implements Event {
        public String describe() {
            return node + " purged the tombstone of " + key + ": gc_grace has passed, the delete is forgotten";
        }

        public List<String> nodes() {
            return List.of(node);
        }
    }

    // ---- lessons ---------------------------------------------------------------------------

    record Caption(long at, String text) implements Event {
        public String describe() {
            return text;
        }

        public List<String> nodes() {
            return List.of();
        }
    }

    record ExpectationChecked(long at, String description, boolean passed, String detail) implements Event {
        public String describe() {
            return (passed ? "as expected: " : "NOT as expected: ") + description + (detail.isEmpty() ? "" : " (" + detail + ")");
        }

        public List<String> nodes() {
            return List.of();
        }
    }

    record SettingChanged(long at, String setting, String value) implements Event {
        public String describe() {
            return "setting " + setting + " is now " + value;
        }

        public List<String> nodes() {
            return List.of();
        }
    }

    // ---- hinted handoff --------------------------------------------------------------------

    record HintStored(long at, String holder, String target, String key, String version, String reason)
            implements Event {
        public String describe() {
            return holder + " stored a hint for " + target + ": " + reason + "; the write of " + key + "=" + version
                    + " will be replayed when " + target + " is back";
        }

        public List<String> nodes() {
            return List.of(holder, target);
        }
    }

    record HintReplayed(long at, String holder, String target, String key, String version) implements Event {
        public String describe() {
            return holder + " replayed its hint to " + target + ": " + key + "=" + version + " is delivered";
        }

        public List<String> nodes() {
            return List.of(holder, target);
        }
    }

    record HintDropped(long at, String holder, String target, String key, String reason) implements Event {
        public String describe() {
            return holder + " dropped a hint for " + target + (key == null ? "" : " (" + key + ")") + ": " + reason;
        }

        public List<String> nodes() {
            return List.of(holder, target);
        }
    }

    // ---- read repair -----------------------------------------------------------------------

    record DigestMismatch(long at, long op, String coordinator, String key, List<String> replicas) implements Event {
        public String describe() {
            return coordinator + " saw replicas " + String.join(", ", replicas) + " disagree on " + key
                    + " (op " + op + "): it reads full data and reconciles";
        }

        public List<String> nodes() {
            return List.of(coordinator);
        }
    }

    record ReadRepairSent(long at, long op, String coordinator, String target, String key, String version,
                          String mode) implements Event {
        public String describe() {
            return coordinator + " sent a " + mode + " read repair of " + key + "=" + version + " to stale replica " + target;
        }

        public List<String> nodes() {
            return List.of(coordinator, target);
        }
    }

    // ---- anti-entropy ----------------------------------------------------------------------

    record RepairSessionStarted(long at, long session, String nodeA, String nodeB, String range, int depth)
            implements Event {
        public String describe() {
            return "anti-entropy: " + nodeA + " and " + nodeB + " compare Merkle trees (depth " + depth + ") over " + range;
        }

        public List<String> nodes() {
            return List.of(nodeA, nodeB);
        }
    }

    record MerkleLevelCompared(long at, long session, String nodeA, String nodeB, int level, int compared,
                               int differing) implements Event {
        public String describe() {
            return "anti-entropy: " + nodeA + " and " + nodeB + " compared " + compared + " hash(es) at level " + level
                    + ", " + differing + " differ";
        }

        public List<String> nodes() {
            return List.of(nodeA, nodeB);
        }
    }

    record RangesOutOfSync(long at, long session, String nodeA, String nodeB, int ranges, int rowsToStream)
            implements Event {
        public String describe() {
            return nodeA + " and " + nodeB + " have " + ranges + " range(s) out of sync; " + rowsToStream
                    + " row(s) in those leaves will be streamed";
        }

        public List<String> nodes() {
            return List.of(nodeA, nodeB);
        }
    }

    record RepairSessionFinished(long at, long session, String nodeA, String nodeB, int rowsStreamed,
                                 long bytes, String result) implements Event {
        public String describe() {
            return "anti-entropy between " + nodeA + " and " + nodeB + " " + result + ": " + rowsStreamed
                    + " row(s), " + bytes + " B streamed";
        }

        public List<String> nodes() {
            return List.of(nodeA, nodeB);
        }
    }
}
