package dev.repairscope.repair.hints;

import java.util.Locale;

/** The two families of hinted handoff, with the system each one comes from. */
public enum HandoffStyle {
    /** Cassandra: the coordinator keeps the hints; they do not count toward the consistency level (except ANY). */
    COORDINATOR("coordinator", "the coordinator keeps a hint for each replica that missed the write and replays it "
            + "when the replica is seen up; hints do not count toward the consistency level except ANY, a max hint "
            + "window and a time to live (gc_grace) apply (Cassandra)"),
    /** Dynamo/Riak: a fallback node beyond the preference list takes the write, counts toward W and R, hands it back. */
    SLOPPY("sloppy", "sloppy quorum: the next live node beyond the preference list stands in for a down replica, "
            + "counts toward W and R, and hands the data back when the owner returns; no time window (Dynamo, Riak)");

    private final String id;
    private final String explanation;

    HandoffStyle(String id, String explanation) {
        this.id = id;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public String explanation() {
        return explanation;
    }

    /** Parses "coordinator" or "sloppy", ignoring case and surrounding blanks. */
    public static HandoffStyle parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (HandoffStyle style : values()) {
            if (style.id.equals(wanted)) {
                return style;
            }
        }
        throw new IllegalArgumentException("unknown hinted handoff style \"" + text
                + "\": expected \"coordinator\" or \"sloppy\"");
    }

    @Override
    public String toString() {
        return id;
    }
}
