package dev.repairscope.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * The scenario file exactly as written: every field optional at this level (defaults and checks are
 * applied by {@link ScenarioValidator}), durations as strings such as "500ms". Unknown fields are
 * rejected by the loader. Documented field by field in scenarios/README.md.
 */
public record ScenarioFile(String name, String description, List<String> teaches, Long seed, String duration,
                           String sampleInterval,
                           ClusterSpec cluster, NetworkSpec network, RepairSpec repair, WorkloadSpec workload,
                           List<Step> timeline, List<Expectation> expectations) {

    public record ClusterSpec(Integer nodes, Integer replicationFactor, Integer vnodes, String versioning,
                              Map<String, String> clockSkew, String gcGrace, String detectionDelay,
                              String recoveryDelay, String writeTimeout, String readTimeout) {
    }

    public record NetworkSpec(Latency latency, Map<String, Latency> latencyByKind, List<LinkSpec> links, Double loss) {
    }

    public record LinkSpec(String from, String to, Latency latency, Boolean bothWays) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Latency.Constant.class, name = "constant"),
            @JsonSubTypes.Type(value = Latency.Uniform.class, name = "uniform"),
            @JsonSubTypes.Type(value = Latency.Exponential.class, name = "exponential"),
            @JsonSubTypes.Type(value = Latency.Pareto.class, name = "pareto"),
            @JsonSubTypes.Type(value = Latency.Mixture.class, name = "mixture")})
    public sealed interface Latency {
        record Constant(String value) implements Latency {
        }

        record Uniform(String min, String max) implements Latency {
        }

        record Exponential(String mean, String min) implements Latency {
        }

        record Pareto(String scale, Double shape) implements Latency {
        }

        record Mixture(List<Part> parts) implements Latency {
        }

        record Part(Double weight, Latency latency) {
        }
    }

    public record RepairSpec(HintsSpec hintedHandoff, ReadRepairSpec readRepair, AntiEntropySpec antiEntropy) {
    }

    public record HintsSpec(Boolean enabled, String style, String window, String dispatchInterval,
                            Integer throttleKiB, Boolean keepHintsOnCrash) {
    }

    public record ReadRepairSpec(String mode, Double chance) {
    }

    public record AntiEntropySpec(Boolean enabled, String interval, Integer depth, String maintenance) {
    }

    public record WorkloadSpec(Integer clients, Double rate, Double readShare, Integer keys, String distribution,
                               Double zipfExponent, String writeConsistency, String readConsistency, String start,
                               String stop) {
    }

    /** A timeline step: {@code action} picks the kind; every step may carry a caption and expectations. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Step.Write.class, name = "write"),
            @JsonSubTypes.Type(value = Step.Delete.class, name = "delete"),
            @JsonSubTypes.Type(value = Step.Read.class, name = "read"),
            @JsonSubTypes.Type(value = Step.WriteKeys.class, name = "writeKeys"),
            @JsonSubTypes.Type(value = Step.ReadKeys.class, name = "readKeys"),
            @JsonSubTypes.Type(value = Step.Crash.class, name = "crash"),
            @JsonSubTypes.Type(value = Step.Recover.class, name = "recover"),
            @JsonSubTypes.Type(value = Step.Cut.class, name = "cut"),
            @JsonSubTypes.Type(value = Step.Heal.class, name = "heal"),
            @JsonSubTypes.Type(value = Step.Partition.class, name = "partition"),
            @JsonSubTypes.Type(value = Step.Blip.class, name = "blip"),
            @JsonSubTypes.Type(value = Step.Slow.class, name = "slow"),
            @JsonSubTypes.Type(value = Step.Loss.class, name = "loss"),
            @JsonSubTypes.Type(value = Step.Filter.class, name = "filter"),
            @JsonSubTypes.Type(value = Step.Unfilter.class, name = "unfilter"),
            @JsonSubTypes.Type(value = Step.Repair.class, name = "repair"),
            @JsonSubTypes.Type(value = Step.Sweep.class, name = "sweep"),
            @JsonSubTypes.Type(value = Step.Configure.class, name = "configure"),
            @JsonSubTypes.Type(value = Step.Check.class, name = "check"),
            @JsonSubTypes.Type(value = Step.Checkpoint.class, name = "checkpoint"),
            @JsonSubTypes.Type(value = Step.Caption.class, name = "caption")})
    public sealed interface Step {
        String at();

        String caption();

        List<Expectation> expect();

        record Write(String at, String caption, List<Expectation> expect, String coordinator, String key, String value,
                     String consistency) implements Step {
        }

        record Delete(String at, String caption, List<Expectation> expect, String coordinator, String key,
                      String consistency) implements Step {
        }

        record Read(String at, String caption, List<Expectation> expect, String coordinator, String key,
                    String consistency) implements Step {
        }

        /** Writes keys {prefix}{first} .. {prefix}{first+count-1}, one every {@code spacing}. */
        record WriteKeys(String at, String caption, List<Expectation> expect, String coordinator, Integer count,
                         String keyPrefix, Integer first, String value, String consistency, String spacing)
                implements Step {
        }

        /** Reads keys {prefix}{first} .. {prefix}{first+count-1}, one every {@code spacing}. */
        record ReadKeys(String at, String caption, List<Expectation> expect, String coordinator, Integer count,
                        String keyPrefix, Integer first, String consistency, String spacing) implements Step {
        }

        record Crash(String at, String caption, List<Expectation> expect, String node) implements Step {
        }

        record Recover(String at, String caption, List<Expectation> expect, String node) implements Step {
        }

        record Cut(String at, String caption, List<Expectation> expect, String from, String to, Boolean oneWay)
                implements Step {
        }

        /** Without from/to: heal every cut link. */
        record Heal(String at, String caption, List<Expectation> expect, String from, String to, Boolean oneWay)
                implements Step {
        }

        record Partition(String at, String caption, List<Expectation> expect, List<List<String>> groups)
                implements Step {
        }

        record Blip(String at, String caption, List<Expectation> expect, String from, String to, String duration,
                    Boolean oneWay) implements Step {
        }

        record Slow(String at, String caption, List<Expectation> expect, String from, String to, Double factor)
                implements Step {
        }

        record Loss(String at, String caption, List<Expectation> expect, Double probability) implements Step {
        }

        record Filter(String at, String caption, List<Expectation> expect, String name, List<String> kinds,
                      String from, String to, Double probability, Integer count) implements Step {
        }

        record Unfilter(String at, String caption, List<Expectation> expect, String name) implements Step {
        }

        /** Anti-entropy repair of one replica pair. */
        record Repair(String at, String caption, List<Expectation> expect, String nodeA, String nodeB)
                implements Step {
        }

        /** An anti-entropy sweep over every replica pair. */
        record Sweep(String at, String caption, List<Expectation> expect) implements Step {
        }

        /** Switch repair settings while the cluster runs (only the fields given change). */
        record Configure(String at, String caption, List<Expectation> expect, RepairSpec repair) implements Step {
        }

        record Check(String at, String caption, List<Expectation> expect) implements Step {
        }

        record Caption(String at, String caption, List<Expectation> expect) implements Step {
        }

        /**
         * Predict, then reveal: the window pauses and asks {@code question}; the user picks one of
         * {@code choices}; {@code answer} is the right one, and the step's expectations prove it,
         * checked at {@code revealAt} (default: at once), after the run has shown what happens.
         */
        record Checkpoint(String at, String caption, List<Expectation> expect, String question, List<String> choices,
                          String answer, String explanation, String revealAt) implements Step {
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Expectation.Replica.class, name = "replica"),
            @JsonSubTypes.Type(value = Expectation.Result.class, name = "result"),
            @JsonSubTypes.Type(value = Expectation.Counter.class, name = "counter"),
            @JsonSubTypes.Type(value = Expectation.Keys.class, name = "keys"),
            @JsonSubTypes.Type(value = Expectation.Converged.class, name = "converged"),
            @JsonSubTypes.Type(value = Expectation.Invariant.class, name = "invariant")})
    public sealed interface Expectation {
        /** A replica's value for a key; {@code value} null with {@code absent} true means no live value. */
        record Replica(String node, String key, String value, Boolean absent) implements Expectation {
        }

        /** The result of the step's own read or write: a value ("not found" for none) and/or an outcome. */
        record Result(String value, String outcome) implements Expectation {
        }

        /** How many keys a node holds a live value for (inclusive bounds). */
        record Keys(String node, Long min, Long max) implements Expectation {
        }

        /** A metric's bounds (inclusive). */
        record Counter(String name, Long min, Long max) implements Expectation {
        }

        /** No key diverges (or only the listed keys are checked); {@code expected} false asserts divergence. */
        record Converged(List<String> keys, Boolean expected) implements Expectation {
        }

        record Invariant(String name) implements Expectation {
        }
    }
}
