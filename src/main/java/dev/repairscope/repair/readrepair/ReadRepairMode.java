package dev.repairscope.repair.readrepair;

import dev.repairscope.repair.Variant;
/** The read repair variants, with the system each one comes from. */
public enum ReadRepairMode implements Variant {
    /** Reconcile the client's answer, write nothing back (Cassandra 4.0 read_repair = NONE). */
    NONE("none", "reconcile the answer only; replicas stay as they were (Cassandra read_repair=NONE)"),
    /** Repair the replicas that were read before answering (Cassandra 4.0 default, BLOCKING). */
    FOREGROUND("foreground", "repair the stale replicas that were read before answering (Cassandra 4.0 BLOCKING, the default)"),
    /** Answer at R, wait for every replica, repair outdated or missing ones afterwards (Riak). */
    BACKGROUND("background", "answer first, then repair every outdated replica asynchronously (Riak)"),
    /** A share of reads also checks every replica and repairs it in the background (legacy Cassandra). */
    PROBABILISTIC("probabilistic", "legacy read_repair_chance: a share of reads checks all replicas in the background "
            + "(Cassandra before 4.0; removed by CASSANDRA-13910)");

    private final String id;
    private final String explanation;

    ReadRepairMode(String id, String explanation) {
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

    /** Parses the id, e.g. "none" (case, blanks and '_' versus '-' ignored). */
    public static ReadRepairMode parse(String text) {
        return Variant.parse(ReadRepairMode.class, text, "read repair mode");
    }

    @Override
    public String toString() {
        return id;
    }
}
