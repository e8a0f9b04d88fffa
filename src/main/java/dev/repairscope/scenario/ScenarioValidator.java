package dev.repairscope.scenario;

import dev.repairscope.check.Invariant;
import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.MessageKind;
import dev.repairscope.repair.antientropy.AntiEntropySettings;
import dev.repairscope.repair.antientropy.TreeMaintenance;
import dev.repairscope.repair.hints.HandoffStyle;
import dev.repairscope.repair.hints.HintSettings;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario.Check;
import dev.repairscope.scenario.Scenario.RepairSetup;
import dev.repairscope.scenario.ScenarioFile.Expectation;
import dev.repairscope.scenario.ScenarioFile.Latency;
import dev.repairscope.scenario.ScenarioFile.Step;
import dev.repairscope.sim.Durations;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns a bound {@link ScenarioFile} into a {@link Scenario}: defaults, units, names, limits. */
final class ScenarioValidator {
    private final Problems problems;
    private List<String> nodes = List.of();
    private long bulkOperations;

    ScenarioValidator(Problems problems) {
        this.problems = problems;
    }

    /** Returns the scenario, or null when problems were found (they are in the sink). */
    Scenario validate(ScenarioFile file, String source) {
        if (file == null) {
            problems.add("", "the file is empty: expected a JSON object with at least \"name\"");
            return null;
        }
        String name = text(file.name(), "/name", null);
        if (name == null || name.isBlank()) {
            problems.add("/name", "required: a short name for the scenario");
        }
        long seed = file.seed() == null ? 1 : file.seed();
        ClusterConfig cluster = cluster(file.cluster());
        nodes = cluster == null ? List.of() : cluster.nodeNames();
        Scenario.NetworkSetup network = network(file.network());
        RepairSetup repair = repair(file.repair(), RepairSetup.defaults(), "/repair", problems);
        Scenario.Workload workload = workload(file.workload());
        List<Scenario.TimedStep> timeline = timeline(file.timeline());
        List<Check> expectations = checks(file.expectations(), "/expectations", null);
        long lastStep = timeline.stream().mapToLong(Scenario.TimedStep::at).max().orElse(0);
        long defaultDuration = Math.max(lastStep, workload == null ? 0 : workload.stop()) + Durations.seconds(10);
        long duration = duration(file.duration(), "/duration", defaultDuration, 1, ScenarioLimits.MAX_DURATION);
        if (duration < lastStep) {
            problems.add("/duration", "the run lasts " + Durations.format(duration) + " but the timeline has a step at "
                    + Durations.format(lastStep));
        }
        long sample = duration(file.sampleInterval(), "/sampleInterval", Durations.seconds(1), Durations.ms(1),
                ScenarioLimits.MAX_DURATION);
        if (sample > 0 && duration / sample > 10_000_000) {
            problems.add("/sampleInterval", "too fine for the run's length: at most 10,000,000 samples");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<String> teaches = file.teaches() == null ? List.of() : List.copyOf(file.teaches());
        return new Scenario(source, name, file.description() == null ? "" : file.description(), teaches, seed, duration, sample,
                cluster, network, repair, workload, timeline, expectations);
    }

    // ---- cluster ------------------------------------------------------------------------------

    private ClusterConfig cluster(ScenarioFile.ClusterSpec spec) {
        ClusterConfig d = ClusterConfig.defaults();
        if (spec == null) {
            return d;
        }
        int count = integer(spec.nodes(), "/cluster/nodes", d.nodes(), 1, ScenarioLimits.MAX_NODES);
        int rf = integer(spec.replicationFactor(), "/cluster/replicationFactor", Math.min(3, count), 1, ScenarioLimits.MAX_NODES);
        if (rf > count) {
            problems.add("/cluster/replicationFactor", "replication factor " + rf + " needs at least " + rf
                    + " nodes, the cluster has " + count);
        }
        int vnodes = integer(spec.vnodes(), "/cluster/vnodes", 1, 1, ScenarioLimits.MAX_VNODES);
        Versioning versioning = Versioning.LWW;
        if (spec.versioning() != null) {
            switch (spec.versioning().toLowerCase(Locale.ROOT)) {
                case "lww", "last-write-wins" -> versioning = Versioning.LWW;
                case "vector-clocks", "vclock", "vector clocks" -> versioning = Versioning.VECTOR_CLOCKS;
                default -> problems.add("/cluster/versioning", "expected \"lww\" or \"vector-clocks\", got \"" + spec.versioning() + "\"");
            }
        }
        List<String> names = new ClusterConfig(count, 1, 1, versioning, Map.of(), 1, 0, 0, 1, 1).nodeNames();
        Map<String, Long> skew = new HashMap<>();
        if (spec.clockSkew() != null) {
            spec.clockSkew().forEach((node, text) -> {
                String pointer = "/cluster/clockSkew/" + node;
                if (!names.contains(node)) {
                    problems.add(pointer, unknownNode(node, names));
                    return;
                }
                boolean negative = text != null && text.trim().startsWith("-");
                long micros = duration(negative ? text.trim().substring(1) : text, pointer, 0, 0, Durations.parse("1d"));
                skew.put(node, negative ? -micros : micros);
            });
        }
        long gcGrace = duration(spec.gcGrace(), "/cluster/gcGrace", d.gcGrace(), Durations.seconds(1), ScenarioLimits.MAX_DURATION);
        long detection = duration(spec.detectionDelay(), "/cluster/detectionDelay", d.detectionDelay(), 0, Durations.parse("1h"));
        long recovery = duration(spec.recoveryDelay(), "/cluster/recoveryDelay", d.recoveryDelay(), 0, Durations.parse("1h"));
        long writeTimeout = duration(spec.writeTimeout(), "/cluster/writeTimeout", d.writeTimeout(), Durations.ms(1), Durations.parse("1h"));
        long readTimeout = duration(spec.readTimeout(), "/cluster/readTimeout", d.readTimeout(), Durations.ms(1), Durations.parse("1h"));
        if (rf > count) {
            return null;
        }
        return new ClusterConfig(count, rf, vnodes, versioning, skew, gcGrace, detection, recovery, writeTimeout, readTimeout);
    }

    // ---- network ------------------------------------------------------------------------------

    private Scenario.NetworkSetup network(ScenarioFile.NetworkSpec spec) {
        LatencyDistribution base = new LatencyDistribution.Uniform(Durations.ms(1), Durations.ms(3));
        if (spec == null) {
            return new Scenario.NetworkSetup(base, Map.of(), List.of(), 0);
        }
        LatencyDistribution latency = spec.latency() == null ? base : latency(spec.latency(), "/network/latency", 0);
        Map<MessageKind, LatencyDistribution> byKind = new EnumMap<>(MessageKind.class);
        if (spec.latencyByKind() != null) {
            spec.latencyByKind().forEach((kind, l) -> {
                String pointer = "/network/latencyByKind/" + kind;
                MessageKind k = messageKind(kind, pointer);
                LatencyDistribution d = latency(l, pointer, 0);
                if (k != null && d != null) {
                    byKind.put(k, d);
                }
            });
        }
        List<Scenario.LinkLatency> links = new ArrayList<>();
        List<ScenarioFile.LinkSpec> specs = spec.links() == null ? List.of() : spec.links();
        for (int i = 0; i < specs.size(); i++) {
            ScenarioFile.LinkSpec link = specs.get(i);
            String pointer = "/network/links/" + i;
            if (link == null) {
                problems.add(pointer, "expected a link object {from, to, latency}");
                continue;
            }
            boolean ok = node(link.from(), pointer + "/from") & node(link.to(), pointer + "/to");
            if (ok && link.from().equals(link.to())) {
                problems.add(pointer + "/to", "a link joins two different nodes");
            }
            if (link.latency() == null) {
                problems.add(pointer + "/latency", "required: the link's latency distribution");
                continue;
            }
            LatencyDistribution d = latency(link.latency(), pointer + "/latency", 0);
            if (ok && d != null) {
                links.add(new Scenario.LinkLatency(link.from(), link.to(), d, link.bothWays() == null || link.bothWays()));
            }
        }
        double loss = probability(spec.loss(), "/network/loss", 0);
        return new Scenario.NetworkSetup(latency == null ? base : latency, byKind, links, loss);
    }

    private LatencyDistribution latency(Latency spec, String pointer, int depth) {
        if (spec == null) {
            problems.add(pointer, "expected a latency object such as {\"type\": \"constant\", \"value\": \"2ms\"}");
            return null;
        }
        long max = Durations.parse("1h");
        if (spec instanceof Latency.Constant c) {
            return new LatencyDistribution.Constant(requiredDuration(c.value(), pointer + "/value", 0, max));
        } else if (spec instanceof Latency.Uniform u) {
            long min = requiredDuration(u.min(), pointer + "/min", 0, max);
            long hi = requiredDuration(u.max(), pointer + "/max", 0, max);
            if (hi < min) {
                problems.add(pointer + "/max", "max (" + u.max() + ") is below min (" + u.min() + ")");
            }
            return new LatencyDistribution.Uniform(min, Math.max(min, hi));
        } else if (spec instanceof Latency.Exponential e) {
            return new LatencyDistribution.Exponential(duration(e.min(), pointer + "/min", 0, 0, max),
                    requiredDuration(e.mean(), pointer + "/mean", 0, max));
        } else if (spec instanceof Latency.Pareto p) {
            long scale = requiredDuration(p.scale(), pointer + "/scale", 1, max);
            double shape = p.shape() == null ? Double.NaN : p.shape();
            if (!(shape > 0 && shape <= 100)) {
                problems.add(pointer + "/shape", "required: the Pareto shape, a number in (0, 100], e.g. 1.5");
            }
            return new LatencyDistribution.Pareto(scale, shape > 0 ? shape : 1);
        } else if (spec instanceof Latency.Mixture m) {
            if (depth > 3) {
                problems.add(pointer, "mixtures nest at most 3 deep");
                return null;
            }
            List<LatencyDistribution.Weighted> parts = new ArrayList<>();
            List<Latency.Part> given = m.parts() == null ? List.of() : m.parts();
            if (given.isEmpty() || given.size() > 16) {
                problems.add(pointer + "/parts", "a mixture needs 1 to 16 parts");
            }
            for (int i = 0; i < given.size(); i++) {
                Latency.Part part = given.get(i);
                String p = pointer + "/parts/" + i;
                if (part == null || part.weight() == null || !(part.weight() > 0)) {
                    problems.add(p + "/weight", "required: a positive weight");
                    continue;
                }
                LatencyDistribution d = latency(part.latency(), p + "/latency", depth + 1);
                if (d != null) {
                    parts.add(new LatencyDistribution.Weighted(part.weight(), d));
                }
            }
            return parts.isEmpty() ? null : new LatencyDistribution.Mixture(parts);
        }
        return null;
    }

    // ---- repair -------------------------------------------------------------------------------

    /**
     * The repair settings {@code spec} describes on top of {@code base}. Used at load time (base =
     * defaults) and by "configure" steps while the cluster runs (base = the live settings).
     */
    static RepairSetup repair(ScenarioFile.RepairSpec spec, RepairSetup base, String pointer, Problems problems) {
        if (spec == null) {
            return base;
        }
        ScenarioValidator v = new ScenarioValidator(problems);
        HintSettings hints = base.hints();
        if (spec.hintedHandoff() != null) {
            ScenarioFile.HintsSpec h = spec.hintedHandoff();
            String p = pointer + "/hintedHandoff";
            HandoffStyle style = hints.style();
            if (h.style() != null) {
                try {
                    style = HandoffStyle.parse(h.style());
                } catch (IllegalArgumentException e) {
                    problems.add(p + "/style", "expected \"coordinator\" (Cassandra) or \"sloppy\" (Dynamo/Riak), got \"" + h.style() + "\"");
                }
            }
            hints = new HintSettings(h.enabled() == null ? hints.enabled() : h.enabled(), style,
                    v.duration(h.window(), p + "/window", hints.window(), 0, ScenarioLimits.MAX_DURATION),
                    v.duration(h.dispatchInterval(), p + "/dispatchInterval", hints.dispatchInterval(), Durations.ms(10), Durations.parse("1d")),
                    h.throttleKiB() == null ? hints.throttleBytesPerSecond()
                            : 1024L * v.integer(h.throttleKiB(), p + "/throttleKiB", 1024, 1, 10_000_000),
                    h.keepHintsOnCrash() == null ? hints.keepHintsOnCrash() : h.keepHintsOnCrash());
        }
        ReadRepairMode mode = base.readRepair();
        double chance = base.readRepairChance();
        if (spec.readRepair() != null) {
            String p = pointer + "/readRepair";
            if (spec.readRepair().mode() != null) {
                try {
                    mode = ReadRepairMode.parse(spec.readRepair().mode());
                } catch (IllegalArgumentException e) {
                    problems.add(p + "/mode", "expected one of none, foreground, background, probabilistic; got \""
                            + spec.readRepair().mode() + "\"");
                }
            }
            chance = v.probability(spec.readRepair().chance(), p + "/chance", chance);
        }
        AntiEntropySettings ae = base.antiEntropy();
        if (spec.antiEntropy() != null) {
            ScenarioFile.AntiEntropySpec a = spec.antiEntropy();
            String p = pointer + "/antiEntropy";
            TreeMaintenance maintenance = ae.maintenance();
            if (a.maintenance() != null) {
                try {
                    maintenance = TreeMaintenance.parse(a.maintenance());
                } catch (IllegalArgumentException e) {
                    problems.add(p + "/maintenance", "expected \"build-on-repair\" (Cassandra) or \"incremental\" (Riak), got \""
                            + a.maintenance() + "\"");
                }
            }
            ae = new AntiEntropySettings(a.enabled() == null ? ae.enabled() : a.enabled(),
                    v.duration(a.interval(), p + "/interval", ae.interval(), Durations.ms(100), ScenarioLimits.MAX_DURATION),
                    v.integer(a.depth(), p + "/depth", ae.depth(), 0, ScenarioLimits.MAX_TREE_DEPTH), maintenance);
        }
        return new RepairSetup(hints, mode, chance, ae);
    }

    // ---- workload -----------------------------------------------------------------------------

    private Scenario.Workload workload(ScenarioFile.WorkloadSpec spec) {
        if (spec == null) {
            return null;
        }
        String p = "/workload";
        int clients = integer(spec.clients(), p + "/clients", 4, 1, ScenarioLimits.MAX_CLIENTS);
        double rate = spec.rate() == null ? 100 : spec.rate();
        if (!(rate > 0 && rate <= ScenarioLimits.MAX_RATE)) {
            problems.add(p + "/rate", "operations per second must be in (0, " + (long) ScenarioLimits.MAX_RATE + "], got " + rate);
        }
        double readShare = probability(spec.readShare(), p + "/readShare", 0.5);
        int keys = integer(spec.keys(), p + "/keys", 100, 1, ScenarioLimits.MAX_KEYS);
        boolean zipf = false;
        if (spec.distribution() != null) {
            switch (spec.distribution().toLowerCase(Locale.ROOT)) {
                case "uniform" -> zipf = false;
                case "zipf" -> zipf = true;
                default -> problems.add(p + "/distribution", "expected \"uniform\" or \"zipf\", got \"" + spec.distribution() + "\"");
            }
        }
        double exponent = spec.zipfExponent() == null ? 0.99 : spec.zipfExponent();
        if (!(exponent > 0 && exponent <= 5)) {
            problems.add(p + "/zipfExponent", "must be in (0, 5], got " + exponent);
        }
        ConsistencyLevel write = consistency(spec.writeConsistency(), p + "/writeConsistency", ConsistencyLevel.QUORUM, true);
        ConsistencyLevel read = consistency(spec.readConsistency(), p + "/readConsistency", ConsistencyLevel.QUORUM, false);
        long start = duration(spec.start(), p + "/start", 0, 0, ScenarioLimits.MAX_DURATION);
        long stop = duration(spec.stop(), p + "/stop", start + Durations.seconds(30), 0, ScenarioLimits.MAX_DURATION);
        if (stop < start) {
            problems.add(p + "/stop", "stop (" + spec.stop() + ") is before start");
        }
        double operations = rate * (stop - start) / 1e6;
        if (operations > ScenarioLimits.MAX_WORKLOAD_OPERATIONS) {
            problems.add(p + "/rate", String.format(Locale.ROOT,
                    "%.0f operations over the workload's %s is more than the limit of %d", operations,
                    Durations.format(stop - start), ScenarioLimits.MAX_WORKLOAD_OPERATIONS));
        }
        return new Scenario.Workload(clients, rate, readShare, keys, zipf, exponent, write, read, start, stop);
    }

    // ---- timeline -----------------------------------------------------------------------------

    private List<Scenario.TimedStep> timeline(List<Step> steps) {
        List<Scenario.TimedStep> timed = new ArrayList<>();
        if (steps == null) {
            return timed;
        }
        if (steps.size() > ScenarioLimits.MAX_STEPS) {
            problems.add("/timeline", "at most " + ScenarioLimits.MAX_STEPS + " steps, got " + steps.size());
            return timed;
        }
        Set<String> filters = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String p = "/timeline/" + i;
            if (step == null) {
                problems.add(p, "expected a step object with \"action\"");
                continue;
            }
            long at = requiredDuration(step.at(), p + "/at", 0, ScenarioLimits.MAX_DURATION);
            text(step.caption(), p + "/caption", null);
            checkStep(step, p, filters);
            timed.add(new Scenario.TimedStep(at, i, step.caption(), step, checks(step.expect(), p + "/expect", step)));
        }
        return timed;
    }

    private void checkStep(Step step, String p, Set<String> filters) {
        if (step instanceof Step.Write w) {
            node(w.coordinator(), p + "/coordinator");
            key(w.key(), p + "/key");
            if (w.value() == null) {
                problems.add(p + "/value", "required: the value to write");
            }
            text(w.value(), p + "/value", null);
            consistency(w.consistency(), p + "/consistency", ConsistencyLevel.QUORUM, true);
        } else if (step instanceof Step.Delete d) {
            node(d.coordinator(), p + "/coordinator");
            key(d.key(), p + "/key");
            consistency(d.consistency(), p + "/consistency", ConsistencyLevel.QUORUM, true);
        } else if (step instanceof Step.Read r) {
            node(r.coordinator(), p + "/coordinator");
            key(r.key(), p + "/key");
            consistency(r.consistency(), p + "/consistency", ConsistencyLevel.QUORUM, false);
        } else if (step instanceof Step.WriteKeys w) {
            node(w.coordinator(), p + "/coordinator");
            bulk(w.count(), w.keyPrefix(), w.first(), w.spacing(), p);
            if (w.value() == null) {
                problems.add(p + "/value", "required: the value to write to every key");
            }
            consistency(w.consistency(), p + "/consistency", ConsistencyLevel.QUORUM, true);
        } else if (step instanceof Step.ReadKeys r) {
            node(r.coordinator(), p + "/coordinator");
            bulk(r.count(), r.keyPrefix(), r.first(), r.spacing(), p);
            consistency(r.consistency(), p + "/consistency", ConsistencyLevel.QUORUM, false);
        } else if (step instanceof Step.Crash c) {
            node(c.node(), p + "/node");
        } else if (step instanceof Step.Recover r) {
            node(r.node(), p + "/node");
        } else if (step instanceof Step.Cut c) {
            pair(c.from(), c.to(), p);
        } else if (step instanceof Step.Heal h) {
            if (h.from() != null || h.to() != null) {
                pair(h.from(), h.to(), p);
            }
        } else if (step instanceof Step.Partition part) {
            if (part.groups() == null || part.groups().size() < 2) {
                problems.add(p + "/groups", "required: at least two groups of nodes, e.g. [[\"n1\"], [\"n2\", \"n3\"]]");
            } else {
                Set<String> seen = new HashSet<>();
                for (int g = 0; g < part.groups().size(); g++) {
                    List<String> group = part.groups().get(g) == null ? List.of() : part.groups().get(g);
                    for (int n = 0; n < group.size(); n++) {
                        String np = p + "/groups/" + g + "/" + n;
                        if (node(group.get(n), np) && !seen.add(group.get(n))) {
                            problems.add(np, group.get(n) + " is in two groups");
                        }
                    }
                }
            }
        } else if (step instanceof Step.Blip b) {
            pair(b.from(), b.to(), p);
            requiredDuration(b.duration(), p + "/duration", 1, Durations.parse("30d"));
        } else if (step instanceof Step.Slow s) {
            pair(s.from(), s.to(), p);
            if (s.factor() == null || !(s.factor() > 0 && s.factor() <= 10_000)) {
                problems.add(p + "/factor", "required: how many times slower, in (0, 10000] (1 restores normal speed)");
            }
        } else if (step instanceof Step.Loss l) {
            if (l.probability() == null) {
                problems.add(p + "/probability", "required: the share of messages lost, in [0, 1]");
            } else {
                probability(l.probability(), p + "/probability", 0);
            }
        } else if (step instanceof Step.Filter f) {
            if (f.name() == null || f.name().isBlank()) {
                problems.add(p + "/name", "required: a name, so a later \"unfilter\" step can remove it");
            } else {
                filters.add(f.name());
            }
            if (f.kinds() != null) {
                for (int k = 0; k < f.kinds().size(); k++) {
                    messageKind(f.kinds().get(k), p + "/kinds/" + k);
                }
            }
            if (f.from() != null) {
                node(f.from(), p + "/from");
            }
            if (f.to() != null) {
                node(f.to(), p + "/to");
            }
            probability(f.probability(), p + "/probability", 1);
            if (f.count() != null && f.count() < 1) {
                problems.add(p + "/count", "must be at least 1 (leave it out to drop every match)");
            }
        } else if (step instanceof Step.Unfilter u) {
            if (u.name() == null || !filters.contains(u.name())) {
                problems.add(p + "/name", "no earlier \"filter\" step installs a filter named \"" + u.name() + "\"");
            }
        } else if (step instanceof Step.Repair r) {
            pair(r.nodeA(), r.nodeB(), p, "nodeA", "nodeB");
        } else if (step instanceof Step.Checkpoint c) {
            if (c.question() == null || c.question().isBlank()) {
                problems.add(p + "/question", "required: the question to ask, e.g. \"What does a read at ONE from n2 return now?\"");
            }
            if (c.choices() == null || c.choices().size() < 2 || c.choices().size() > 6) {
                problems.add(p + "/choices", "required: 2 to 6 answers to choose from");
            } else if (c.answer() == null || !c.choices().contains(c.answer())) {
                problems.add(p + "/answer", "required: the right answer, exactly one of " + c.choices());
            }
            if (c.expect() == null || c.expect().isEmpty()) {
                problems.add(p + "/expect", "a checkpoint needs expectations that prove its answer");
            }
            if (c.revealAt() != null) {
                long reveal = duration(c.revealAt(), p + "/revealAt", 0, 0, ScenarioLimits.MAX_DURATION);
                if (c.at() != null && reveal < duration(c.at(), p + "/at", 0, 0, ScenarioLimits.MAX_DURATION)) {
                    problems.add(p + "/revealAt", "the answer cannot be revealed before the question is asked");
                }
            }
        } else if (step instanceof Step.Configure c) {
            if (c.repair() == null) {
                problems.add(p + "/repair", "required: the repair settings to change, e.g. {\"readRepair\": {\"mode\": \"none\"}}");
            } else {
                repair(c.repair(), RepairSetup.defaults(), p + "/repair", problems);
            }
        }
    }

    private void bulk(Integer count, String prefix, Integer first, String spacing, String p) {
        if (count == null) {
            problems.add(p + "/count", "required: how many keys");
        } else {
            integer(count, p + "/count", 1, 1, ScenarioLimits.MAX_KEYS);
            bulkOperations += count;
            if (bulkOperations > ScenarioLimits.MAX_WORKLOAD_OPERATIONS) {
                problems.add(p + "/count", "the timeline's bulk steps add up to more than "
                        + ScenarioLimits.MAX_WORKLOAD_OPERATIONS + " operations");
            }
        }
        integer(first, p + "/first", 0, 0, ScenarioLimits.MAX_KEYS);
        text(prefix, p + "/keyPrefix", null);
        duration(spacing, p + "/spacing", 0, 0, Durations.seconds(60));
    }

    // ---- expectations -------------------------------------------------------------------------

    private List<Check> checks(List<Expectation> specs, String pointer, Step owner) {
        List<Check> checks = new ArrayList<>();
        if (specs == null) {
            return checks;
        }
        if (specs.size() > ScenarioLimits.MAX_EXPECTATIONS) {
            problems.add(pointer, "at most " + ScenarioLimits.MAX_EXPECTATIONS + " expectations, got " + specs.size());
            return checks;
        }
        for (int i = 0; i < specs.size(); i++) {
            Expectation e = specs.get(i);
            String p = pointer + "/" + i;
            String description = describe(e, p, owner);
            if (description != null) {
                checks.add(new Check(description, e));
            }
        }
        return checks;
    }

    private String describe(Expectation e, String p, Step owner) {
        if (e == null) {
            problems.add(p, "expected an expectation object with \"type\"");
            return null;
        }
        if (e instanceof Expectation.Replica r) {
            node(r.node(), p + "/node");
            key(r.key(), p + "/key");
            boolean absent = Boolean.TRUE.equals(r.absent());
            if ((r.value() == null) == !absent) {
                problems.add(p + "/value", "give either \"value\" or \"absent\": true");
            }
            return r.node() + " holds " + r.key() + (absent ? " as absent or deleted" : " = " + r.value());
        } else if (e instanceof Expectation.Result r) {
            if (!(owner instanceof Step.Read || owner instanceof Step.Write || owner instanceof Step.Delete)) {
                problems.add(p + "/type", "\"result\" is only allowed on a read, write or delete step");
            }
            if (r.value() == null && r.outcome() == null) {
                problems.add(p, "give \"value\" and/or \"outcome\" (OK, UNAVAILABLE, TIMEOUT)");
            }
            if (r.outcome() != null && !List.of("OK", "UNAVAILABLE", "TIMEOUT").contains(r.outcome().toUpperCase(Locale.ROOT))) {
                problems.add(p + "/outcome", "expected OK, UNAVAILABLE or TIMEOUT, got \"" + r.outcome() + "\"");
            }
            return "the operation " + (r.outcome() == null ? "" : "ends " + r.outcome().toUpperCase(Locale.ROOT))
                    + (r.value() == null ? "" : (r.outcome() == null ? "" : " and ") + "returns " + r.value());
        } else if (e instanceof Expectation.Keys k) {
            node(k.node(), p + "/node");
            if (k.min() == null && k.max() == null) {
                problems.add(p, "give \"min\" and/or \"max\"");
            }
            return k.node() + " holds " + (Objects.equals(k.min(), k.max()) ? String.valueOf(k.min())
                    : k.min() != null && k.max() != null ? k.min() + ".." + k.max()
                    : k.min() != null ? "at least " + k.min() : "at most " + k.max()) + " live keys";
        } else if (e instanceof Expectation.Counter c) {
            if (c.name() == null || c.name().isBlank()) {
                problems.add(p + "/name", "required: the metric's name, e.g. \"staleReads\"");
            }
            if (c.min() == null && c.max() == null) {
                problems.add(p, "give \"min\" and/or \"max\"");
            } else if (c.min() != null && c.max() != null && c.min() > c.max()) {
                problems.add(p + "/max", "max (" + c.max() + ") is below min (" + c.min() + ")");
            }
            return c.name() + (c.min() != null && c.max() != null
                    ? (c.min().equals(c.max()) ? " = " + c.min() : " in [" + c.min() + ", " + c.max() + "]")
                    : c.min() != null ? " >= " + c.min() : " <= " + c.max());
        } else if (e instanceof Expectation.Converged c) {
            if (c.keys() != null) {
                for (int i = 0; i < c.keys().size(); i++) {
                    key(c.keys().get(i), p + "/keys/" + i);
                }
            }
            boolean expected = c.expected() == null || c.expected();
            String which = c.keys() == null ? "all keys" : String.join(", ", c.keys());
            return expected ? which + " converged on every replica" : which + " still diverge";
        } else if (e instanceof Expectation.Invariant inv) {
            if (inv.name() == null || Invariant.named(inv.name()).isEmpty()) {
                problems.add(p + "/name", "unknown invariant \"" + inv.name() + "\"; known: "
                        + Invariant.ALL.stream().map(Invariant::name).toList());
                return null;
            }
            return "invariant " + inv.name() + ": " + Invariant.named(inv.name()).get().description();
        }
        return null;
    }

    // ---- small checks -------------------------------------------------------------------------

    private boolean node(String node, String pointer) {
        if (node == null) {
            problems.add(pointer, "required: a node name such as \"n1\"");
            return false;
        }
        if (!nodes.isEmpty() && !nodes.contains(node)) {
            problems.add(pointer, unknownNode(node, nodes));
            return false;
        }
        return true;
    }

    private void pair(String a, String b, String p) {
        pair(a, b, p, "from", "to");
    }

    private void pair(String a, String b, String p, String fieldA, String fieldB) {
        boolean ok = node(a, p + "/" + fieldA) & node(b, p + "/" + fieldB);
        if (ok && a.equals(b)) {
            problems.add(p + "/" + fieldB, "must differ from " + fieldA + " (" + a + ")");
        }
    }

    private static String unknownNode(String node, List<String> nodes) {
        return "unknown node \"" + node + "\" (this cluster has " + nodes.get(0) + ".." + nodes.get(nodes.size() - 1) + ")";
    }

    private void key(String key, String pointer) {
        if (key == null || key.isBlank()) {
            problems.add(pointer, "required: a key such as \"user:42\"");
        } else {
            text(key, pointer, null);
        }
    }

    private String text(String value, String pointer, String fallback) {
        if (value != null && value.length() > ScenarioLimits.MAX_STRING) {
            problems.add(pointer, "text longer than " + ScenarioLimits.MAX_STRING + " characters");
        }
        return value == null ? fallback : value;
    }

    private MessageKind messageKind(String name, String pointer) {
        try {
            return MessageKind.parse(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(pointer, "unknown message kind \"" + name + "\"; known: "
                    + java.util.Arrays.stream(MessageKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
            return null;
        }
    }

    private ConsistencyLevel consistency(String text, String pointer, ConsistencyLevel fallback, boolean write) {
        if (text == null) {
            return fallback;
        }
        try {
            ConsistencyLevel level = ConsistencyLevel.parse(text);
            if (level == ConsistencyLevel.ANY && !write) {
                problems.add(pointer, "ANY is for writes only (Cassandra rejects reads at ANY)");
            }
            return level;
        } catch (IllegalArgumentException e) {
            problems.add(pointer, "expected ANY, ONE, TWO, THREE, QUORUM or ALL, got \"" + text + "\"");
            return fallback;
        }
    }

    private int integer(Integer value, String pointer, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(pointer, "must be between " + min + " and " + max + ", got " + value);
            return fallback;
        }
        return value;
    }

    private double probability(Double value, String pointer, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= 1)) {
            problems.add(pointer, "a probability must be between 0 and 1, got " + value);
            return fallback;
        }
        return value;
    }

    private long requiredDuration(String text, String pointer, long min, long max) {
        if (text == null) {
            problems.add(pointer, "required: a duration such as \"500ms\" or \"2s\"");
            return min;
        }
        return duration(text, pointer, min, min, max);
    }

    private long duration(String text, String pointer, long fallback, long min, long max) {
        if (text == null) {
            return fallback;
        }
        if (text.trim().startsWith("-")) {
            problems.add(pointer, "a duration cannot be negative, got \"" + text + "\"");
            return fallback;
        }
        try {
            long micros = Durations.parse(text);
            if (micros < min || micros > max) {
                problems.add(pointer, "must be between " + Durations.format(min) + " and " + Durations.format(max)
                        + ", got " + text);
                return fallback;
            }
            return micros;
        } catch (IllegalArgumentException e) {
            problems.add(pointer, e.getMessage());
            return fallback;
        }
    }
}
