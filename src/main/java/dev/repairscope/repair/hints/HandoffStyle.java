package dev.repairscope.repair.hints;

import dev.repairscope.repair.Variant;

/** The two families of hinted handoff, with the system each one comes from. */
public enum HandoffStyle implements Variant {
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

    @Override
    public String id() {
        return id;
    }

    @Override
    public String explanation() {
        return explanation;
    }

    /** Parses the id, e.g. "coordinator" (case, blanks and '_' versus '-' ignored). */
    public static HandoffStyle parse(String text) {
        return Variant.parse(HandoffStyle.class, text, "hinted handoff style");
    }

    @Override
    public String toString() {
        return id;
    }
}
