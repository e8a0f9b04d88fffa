/**
 * Read repair variants: none (reconcile only), foreground (Cassandra 4.0 BLOCKING), background
 * (Riak's asynchronous repair after all replies) and probabilistic (legacy read_repair_chance,
 * removed in Cassandra 4.0 by CASSANDRA-13910).
 */
package dev.repairscope.repair.readrepair;
