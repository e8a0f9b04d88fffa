package dev.repairscope.check;

/** What the oracle remembers of one client write or delete. */
record WriteRecord(long op, String key, long startedAt, long endedAt, boolean acknowledged, Stamp stamp) {
}
