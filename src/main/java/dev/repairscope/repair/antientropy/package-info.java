/**
 * Merkle-tree anti-entropy: the safety net that repairs cold data no read touches and writes
 * no hint covered.
 *
 * <p>The model, as Cassandra and Riak do it:
 * <ul>
 *   <li>{@link dev.repairscope.repair.antientropy.MerkleTree}: one tree per replica per token
 *       range; 2^depth leaves over equal sub-ranges by token; a leaf hashes its rows (key and
 *       every stored version), inner nodes XOR their children as in Cassandra's tree.</li>
 *   <li>{@link dev.repairscope.repair.antientropy.TreeMaintenance}: Cassandra builds the trees
 *       when a repair starts, by a read-only scan of the range (validation; {@code aeScanRows}
 *       grows with the data at every repair); Riak keeps them current on every write and
 *       rehashes only dirty segments before an exchange ({@code aeLeavesRehashed}).</li>
 *   <li>An exchange between two replicas is real messages on the simulated network: the
 *       initiator compares roots, then descends only into children whose hashes differ, one
 *       level per MERKLE_REQUEST / MERKLE_RESPONSE round trip; then both sides STREAM every row
 *       of every differing leaf to each other and acknowledge (STREAM_ACK). A whole leaf is
 *       streamed although usually one row in it differs: overstreaming, visible as
 *       {@code aeRowsStreamed} versus {@code aeRowsActuallyDiffering}. Shallow trees send few
 *       hashes and stream much; deep trees the reverse.</li>
 *   <li>The bandwidth follows the divergence, not the data: {@code aeMerkleBytes} and
 *       {@code aeBytesStreamed} barely move when the data grows tenfold around one damaged row,
 *       while {@code aeNaiveComparisonBytes} (every row's key and hash sent over) grows tenfold.</li>
 *   <li>A session fails when the peer is believed down at the start (as Cassandra refuses), or
 *       does not answer within {@link dev.repairscope.repair.antientropy.AntiEntropy#REPLY_TIMEOUT}.</li>
 * </ul>
 *
 * <p>{@link dev.repairscope.repair.antientropy.AntiEntropy} drives it all: scheduled sweeps,
 * sweeps and pair repairs on demand, one session at a time, and manual stepping that stops
 * each exchange before every level; {@link dev.repairscope.repair.antientropy.ExchangeView} is
 * what the UI's inspector draws. Everything is journaled with the anti-entropy events
 * (RepairSessionStarted, MerkleLevelCompared, RangesOutOfSync, RepairSessionFinished). Not
 * modelled: Riak's weekly tree expiry, Riak's repair of each differing key by a read with read
 * repair (here both Cassandra and Riak stream the leaves), incremental repair's repaired/unrepaired
 * split, the time a validation scan takes, streaming throttles.
 */
package dev.repairscope.repair.antientropy;
