/**
 * The replicated store as a Cassandra or Riak engineer knows it: a token ring with optional
 * vnodes and preference lists, replicas with their storage, versions (last-write-wins timestamps
 * from per-node clocks, or vector clocks with siblings), tombstones purged after gc_grace, a
 * failure detector with a detection delay, and coordinators that run the write and read paths at
 * a consistency level and report Unavailable or Timeout as Cassandra does.
 *
 * <p>The repair mechanisms plug in through two narrow seams, {@link dev.repairscope.cluster.HandoffHooks}
 * (where writes go and what happens to the ones a replica missed) and
 * {@link dev.repairscope.cluster.ReadRepairPolicy} (what a read does when replicas disagree), so this
 * package knows nothing of hints or Merkle trees.
 */
package dev.repairscope.cluster;
