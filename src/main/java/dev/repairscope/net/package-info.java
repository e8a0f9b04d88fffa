/**
 * The simulated network: messages between nodes with per-kind and per-link latency
 * distributions, loss, two-way and one-way partitions, timed blips, slow links, node crashes and
 * message filters by kind. Every decision draws from the seeded random source and is journaled.
 */
package dev.repairscope.net;
