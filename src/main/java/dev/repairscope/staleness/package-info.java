/**
 * The staleness lab: how eventual is eventual? A headless experiment after Bailis et al.,
 * "Probabilistically Bounded Staleness for Practical Partial Quorums" (VLDB 2012), run through
 * the real simulated cluster rather than the paper's closed-form Monte Carlo loop.
 *
 * <p>The paper's WARS model names the four legs of a quorum operation: a write travels to a
 * replica (W) and is acknowledged (A); a read request travels (R) and its response returns (S).
 * A write commits when the W-th acknowledgement reaches the coordinator; a read issued t after
 * commit is consistent when at least one of the first R replicas to answer already held the
 * write when the request reached it. Here each leg is a {@link dev.repairscope.net.LatencyDistribution}
 * set per message kind on the simulated network, and every trial is a real write followed by real
 * reads:
 * <ul>
 *   <li>N replicas hold the key; the client's writes and reads enter through coordinator nodes that
 *       hold no replica (the paper's proxy), one writer and one reader per client site;</li>
 *   <li>no failures, no hints, and timeouts far beyond any latency draw, so every operation succeeds;</li>
 *   <li>reads ask every replica for full data, answer from the first R replies and repair nothing
 *       (a {@link dev.repairscope.cluster.ReadRepairPolicy} whose plan is exactly that), unless a read
 *       repair mode is switched on;</li>
 *   <li>writes go to all N replicas and commit after W acks (Dynamo's expanding quorum), or are
 *       confined to exactly W replicas chosen at random (the static quorum the closed form
 *       {@link dev.repairscope.staleness.ClosedForm} describes).</li>
 * </ul>
 *
 * <p>Every trial uses its own key, so trials are independent even though they overlap in simulated
 * time. With repair off a read changes nothing, so one write (or one run of k writes) serves the
 * reads at every t. With a read repair mode switched on, reads do change replicas: a trial's reads
 * at the listed t's hit its key in turn, like a client polling, so a read at a later t may find
 * replicas that an earlier read repaired (read repair helps only later reads: it is read-rate
 * dependent, as the paper notes). Trials run in batches, each in a fresh simulation whose seed is drawn from the
 * experiment's seed: the same experiment and seed give the same figures, and no journal grows
 * without bound. Nothing here reads the wall clock or an unseeded random.
 */
package dev.repairscope.staleness;
