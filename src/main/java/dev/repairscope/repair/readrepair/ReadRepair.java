package dev.repairscope.repair.readrepair;

import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ReadRepairPolicy;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.RandomSource;

/**
 * Read repair as a plan per read, switchable while the cluster runs. The read path itself
 * (digests, full-data reads, reconciliation, repair writes) is the coordinator's; this decides
 * what it does with disagreeing replicas.
 */
public final class ReadRepair implements ReadRepairPolicy {
    private final Cluster cluster;
    private final RandomSource.Stream chanceRandom;
    private ReadRepairMode mode;
    private double chance;

    public ReadRepair(Cluster cluster, ReadRepairMode mode, double chance) {
        this.cluster = cluster;
        this.chanceRandom = cluster.sim().random().stream("readrepair.chance");
        this.mode = mode;
        this.chance = chance;
        cluster.counters().declare("readRepairsForeground", "readRepairsBackground", "readRepairWrites",
                "digestMismatches", "readRepairBytes", "readRepairForegroundMicros");
        cluster.setReadRepair(this);
    }

    public ReadRepairMode mode() {
        return mode;
    }

    public double chance() {
        return chance;
    }

    /** Switches the variant from now on (reads already in flight keep their plan). */
    public void setMode(ReadRepairMode mode, double chance) {
        if (chance < 0 || chance > 1) {
            throw new IllegalArgumentException("read repair chance must be in [0, 1], got " + chance);
        }
        this.mode = mode;
        this.chance = chance;
        cluster.sim().record(new Event.SettingChanged(cluster.sim().now(), "readRepair",
                mode + (mode == ReadRepairMode.PROBABILISTIC ? " (chance " + chance + ")" : "")));
    }

    @Override
    public Plan plan(String key) {
        return switch (mode) {
            case NONE -> new Plan(false, false, Repair.NONE, false);
            case FOREGROUND -> new Plan(false, false, Repair.BLOCKING, false);
            case BACKGROUND -> new Plan(true, true, Repair.NONE, true);
            // Cassandra 3.x: a digest mismatch among the replicas read is repaired before answering;
            // with read_repair_chance, the read also asks every replica and repairs them in the background
            case PROBABILISTIC -> chanceRandom.decide(chance)
                    ? new Plan(true, false, Repair.BLOCKING, true)
                    : new Plan(false, false, Repair.BLOCKING, false);
        };
    }
}
