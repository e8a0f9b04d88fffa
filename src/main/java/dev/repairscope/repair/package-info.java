/**
 * The three convergence mechanisms, each a different window: hinted handoff ({@code hints}) for
 * short outages, read repair ({@code readrepair}) for the keys that are read, and Merkle-tree
 * anti-entropy ({@code antientropy}) as the safety net for cold data. Each plugs into the cluster
 * through its seams, can be switched while the cluster runs, journals what it does and keeps its
 * own counters.
 */
package dev.repairscope.repair;
