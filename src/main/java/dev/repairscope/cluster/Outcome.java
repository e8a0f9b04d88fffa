package dev.repairscope.cluster;

/** How a client operation ended, in Cassandra's terms. */
public enum Outcome {
    /** The consistency level was met. */
    OK,
    /** Too few replicas were believed alive: the coordinator refused before sending anything. */
    UNAVAILABLE,
    /** Replicas were believed alive but too few answered in time; a write may still have landed on some. */
    TIMEOUT
}
