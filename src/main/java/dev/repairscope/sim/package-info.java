/**
 * The simulation kernel: virtual time in microseconds, a single-threaded event queue with a
 * stable tie-break (time, then sequence; a heap on primitive keys, {@code TimerQueue}), one
 * seeded random source handing out named substreams ({@code SplitMix}), a primitive-keyed map for
 * tables looked up by operation id ({@code LongKeyMap}), and the journal of typed
 * events that every consumer reads
 * (kept in an {@code AppendOnlyLog}).
 *
 * <p>{@code DeepCopy} copies a whole running simulation, event queue and lambdas included: the
 * copy runs on exactly as the original would. Snapshots for seeking are made of it.
 *
 * <p>Nothing here (or anywhere in the core) reads the wall clock or an unseeded random: the same
 * scenario and seed always produce the same journal, byte for byte.
 */
package dev.repairscope.sim;
