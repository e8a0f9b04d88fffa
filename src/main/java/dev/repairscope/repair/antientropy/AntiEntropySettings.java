package dev.repairscope.repair.antientropy;

import dev.repairscope.sim.Durations;

/**
 * Anti-entropy settings, switchable while the cluster runs.
 *
 * @param enabled whether sweeps run by themselves every {@code interval} (manual repairs, sweeps
 *                and steps work either way, as {@code nodetool repair} does)
 * @param interval simulated microseconds between scheduled sweeps
 * @param depth Merkle tree depth: 2^depth leaves per token range, 0..{@value MerkleTree#MAX_DEPTH}
 * @param maintenance whether trees are built at repair time (Cassandra) or kept current (Riak)
 */
public record AntiEntropySettings(boolean enabled, long interval, int depth, TreeMaintenance maintenance) {

    public AntiEntropySettings {
        if (interval <= 0) {
            throw new IllegalArgumentException("the anti-entropy interval must be positive, got " + interval);
        }
        if (depth < 0 || depth > MerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle tree depth must be in 0.." + MerkleTree.MAX_DEPTH + ", got " + depth);
        }
        if (maintenance == null) {
            throw new IllegalArgumentException("tree maintenance is required");
        }
    }

    /** Disabled, a sweep every 10 minutes when enabled, depth 10 (1024 leaves per range), Cassandra-style trees. */
    public static AntiEntropySettings defaults() {
        return new AntiEntropySettings(false, Durations.seconds(600), 10, TreeMaintenance.BUILD_ON_REPAIR);
    }

    public AntiEntropySettings withEnabled(boolean enabled) {
        return new AntiEntropySettings(enabled, interval, depth, maintenance);
    }

    public AntiEntropySettings withDepth(int depth) {
        return new AntiEntropySettings(enabled, interval, depth, maintenance);
    }

    public AntiEntropySettings withMaintenance(TreeMaintenance maintenance) {
        return new AntiEntropySettings(enabled, interval, depth, maintenance);
    }

    /** "sweeps every 600s, depth 10, build-on-repair" or "sweeps off, depth 10, incremental". */
    public String describe() {
        return (enabled ? "sweeps every " + Durations.format(interval) : "sweeps off") + ", depth " + depth + ", "
                + maintenance;
    }
}
