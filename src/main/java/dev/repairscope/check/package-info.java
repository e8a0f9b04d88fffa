/**
 * The oracle: reads the journal and the replicas and says what went wrong. It knows every write a
 * client was told succeeded, so it can name stale reads (a read returning something older than the
 * newest write acknowledged before the read began), acknowledged writes that were lost, divergent
 * keys over time (hot and cold apart) and operation latencies. Named {@link dev.repairscope.check.Invariant}s
 * package these for tests, the CLI and the UI alike.
 */
package dev.repairscope.check;
