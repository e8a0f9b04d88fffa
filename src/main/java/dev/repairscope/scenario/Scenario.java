package dev.repairscope.scenario;

import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.MessageKind;
import dev.repairscope.repair.antientropy.AntiEntropySettings;
import dev.repairscope.repair.hints.HintSettings;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.sim.DeepCopy;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario: every default applied, every duration in microseconds, every name checked.
 *
 * @param source the file it came from (for messages)
 * @param teaches what the lesson teaches, one point per entry (empty for plain scenarios)
 * @param duration how long a run lasts, in simulated microseconds
 * @param sampleInterval how often the oracle samples divergence
 * @param workload the generated client load, or null for scripted operations only
 */
public record Scenario(String source, String name, String description, List<String> teaches, long seed, long duration,
                       long sampleInterval, ClusterConfig cluster, NetworkSetup network, RepairSetup repair,
                       Workload workload, List<TimedStep> timeline, List<Check> expectations) implements DeepCopy.Shared {

    public record NetworkSetup(LatencyDistribution latency, Map<MessageKind, LatencyDistribution> latencyByKind,
                               List<LinkLatency> links, double loss) {
    }

    public record LinkLatency(String from, String to, LatencyDistribution latency, boolean bothWays) {
    }

    /** The three mechanisms' settings. */
    public record RepairSetup(HintSettings hints, ReadRepairMode readRepair, double readRepairChance,
                              AntiEntropySettings antiEntropy) {
        public static RepairSetup defaults() {
            return new RepairSetup(HintSettings.defaults(), ReadRepairMode.FOREGROUND, 0.1, AntiEntropySettings.defaults());
        }
    }

    /**
     * Generated load: {@code clients} open-loop clients issuing {@code rate} operations per second in
     * all, a {@code readShare} of them reads, over keys k0..k(keys-1) picked uniformly or by Zipf.
     */
    public record Workload(int clients, double rate, double readShare, int keys, boolean zipf, double zipfExponent,
                           ConsistencyLevel writeConsistency, ConsistencyLevel readConsistency, long start, long stop) {
    }

    /** A timeline step at its time, with its index in the file (for messages) and its expectations. */
    public record TimedStep(long at, int index, String caption, ScenarioFile.Step step, List<Check> expect) {
    }

    /** An expectation with a plain description of what it asserts. */
    public record Check(String description, ScenarioFile.Expectation spec) {
    }
}
