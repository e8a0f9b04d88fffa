package dev.repairscope.cluster;

import java.util.Locale;

/** How many replicas must answer. ANY (writes only) is satisfied by a stored hint. */
public enum ConsistencyLevel {
    ANY, ONE, TWO, THREE, QUORUM, ALL;

    /** Replies the coordinator waits for, given the replication factor. */
    public int blockFor(int replicationFactor) {
        return switch (this) {
            case ANY, ONE -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case QUORUM -> replicationFactor / 2 + 1;
            case ALL -> replicationFactor;
        };
    }

    public static ConsistencyLevel parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
