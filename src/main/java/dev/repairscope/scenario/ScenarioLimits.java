package dev.repairscope.scenario;

import dev.repairscope.sim.Durations;

/** Bounds that keep a hostile or mistaken file from exhausting memory or time. */
public final class ScenarioLimits {
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final int MAX_NESTING = 32;
    public static final int MAX_STRING = 10_000;
    public static final int MAX_NODES = 64;
    public static final int MAX_VNODES = 256;
    public static final int MAX_STEPS = 10_000;
    public static final int MAX_EXPECTATIONS = 1_000;
    public static final int MAX_KEYS = 1_000_000;
    public static final int MAX_CLIENTS = 1_000;
    public static final double MAX_RATE = 100_000;
    /** Client operations a workload may generate over its whole duration. */
    public static final long MAX_WORKLOAD_OPERATIONS = 5_000_000;
    public static final long MAX_DURATION = Durations.parse("30d");
    public static final int MAX_TREE_DEPTH = 20;
    /** Simulation steps a headless run may take before it is stopped as runaway. */
    public static final long MAX_EVENTS = 200_000_000L;

    private ScenarioLimits() {
    }
}
