package dev.repairscope.cluster;

/** What a client asked for. */
public enum OperationType {
    WRITE, DELETE, READ
}
