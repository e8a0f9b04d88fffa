package dev.repairscope.scenario;

import dev.repairscope.check.DivergenceSample;
import dev.repairscope.check.Invariant;
import dev.repairscope.check.Oracle;
import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.cluster.OperationResult;
import dev.repairscope.net.MessageFilter;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.repair.antientropy.AntiEntropy;
import dev.repairscope.repair.hints.HintedHandoff;
import dev.repairscope.repair.readrepair.ReadRepair;
import dev.repairscope.scenario.Scenario.Check;
import dev.repairscope.scenario.ScenarioFile.Expectation;
import dev.repairscope.scenario.ScenarioFile.Step;
import dev.repairscope.sim.DeepCopy;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of a scenario: the cluster, its three mechanisms and the oracle, built from the
 * scenario and a seed; the timeline and the workload scheduled; expectations evaluated as the run
 * reaches them (and at the end). Headless runs call {@link #runToEnd()}; the window steps it.
 */
public final class ScenarioRun {
    private final Scenario scenario;
    private final long seed;
    private final Simulation sim;
    private final Cluster cluster;
    private final ReadRepair readRepair;
    private final HintedHandoff hints;
    private final AntiEntropy antiEntropy;
    private final Oracle oracle;
    private final List<ExpectationResult> results = new ArrayList<>();
    private Scenario.RepairSetup repairSetup;
    private boolean endChecked;

    public ScenarioRun(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.seed = seed;
        this.sim = new Simulation(seed);
        Network network = new Network(sim, scenario.cluster().nodeNames());
        configure(network, scenario.network());
        this.cluster = new Cluster(sim, scenario.cluster(), network);
        this.repairSetup = scenario.repair();
        this.readRepair = new ReadRepair(cluster, repairSetup.readRepair(), repairSetup.readRepairChance());
        this.hints = new HintedHandoff(cluster, repairSetup.hints());
        this.antiEntropy = new AntiEntropy(cluster, repairSetup.antiEntropy());
        this.oracle = new Oracle(cluster, scenario.sampleInterval());
        for (Scenario.TimedStep step : scenario.timeline()) {
            sim.at(step.at(), () -> perform(step));
        }
        if (scenario.workload() != null) {
            new WorkloadDriver(cluster, scenario.workload()).start();
        }
        sim.at(scenario.duration(), this::checkEndExpectations);
    }

    private static void configure(Network network, Scenario.NetworkSetup setup) {
        network.setDefaultLatency(setup.latency());
        setup.latencyByKind().forEach(network::setKindLatency);
        for (Scenario.LinkLatency link : setup.links()) {
            network.setLinkLatency(link.from(), link.to(), link.latency());
            if (link.bothWays()) {
                network.setLinkLatency(link.to(), link.from(), link.latency());
            }
        }
        if (setup.loss() > 0) {
            network.setLoss(setup.loss());
        }
    }

    // ---- running ------------------------------------------------------------------------------

    /** Runs to the scenario's end (or {@code until}, if shorter or longer) and reports. */
    public RunReport runToEnd() {
        return runUntil(scenario.duration());
    }

    public RunReport runUntil(long until) {
        while (sim.nextEventTime() >= 0 && sim.nextEventTime() <= until) {
            if (sim.stepsRun() > ScenarioLimits.MAX_EVENTS) {
                throw new IllegalStateException("the run exceeded " + ScenarioLimits.MAX_EVENTS
                        + " simulation steps at " + Durations.format(sim.now()) + "; shorten it or lower the load");
            }
            sim.step();
        }
        sim.runUntil(until);
        if (!endChecked) {
            checkEndExpectations(); // stopped early: judge the end expectations where we stopped
        }
        return report();
    }

    /**
     * A snapshot: an independent copy of this run as it stands, which runs on exactly as this one
     * would (same journal digest), while this one goes its own way.
     */
    public ScenarioRun copy() {
        return DeepCopy.of(this);
    }

    public RunReport report() {
        return new RunReport(scenario.name(), seed, sim.now() / 1000, sim.journal().size(), sim.stepsRun(),
                sim.journal().digest(),
                List.copyOf(results), metrics());
    }

    // ---- timeline -----------------------------------------------------------------------------

    private void perform(Scenario.TimedStep timed) {
        if (timed.caption() != null && !timed.caption().isBlank()) {
            sim.record(new Event.Caption(sim.now(), timed.caption()));
        }
        List<Check> onResult = timed.expect().stream().filter(c -> c.spec() instanceof Expectation.Result).toList();
        perform(timed.step(), result -> onResult.forEach(c -> judgeResult(c, result)));
        List<Check> now = timed.expect().stream().filter(c -> !(c.spec() instanceof Expectation.Result)).toList();
        if (timed.step() instanceof Step.Checkpoint c && c.revealAt() != null) {
            sim.at(Math.max(sim.now(), Durations.parse(c.revealAt())), () -> now.forEach(this::judge));
        } else {
            now.forEach(this::judge);
        }
    }

    /** Carries out one action now (the timeline's steps, and the window's clicks, come through here). */
    public void perform(Step step, java.util.function.Consumer<OperationResult> onResult) {
        Network net = cluster.network();
        if (step instanceof Step.Write w) {
            cluster.write(w.coordinator(), w.key(), w.value(), level(w.consistency()), onResult);
        } else if (step instanceof Step.Delete d) {
            cluster.delete(d.coordinator(), d.key(), level(d.consistency()), onResult);
        } else if (step instanceof Step.Read r) {
            cluster.read(r.coordinator(), r.key(), level(r.consistency()), onResult);
        } else if (step instanceof Step.WriteKeys w) {
            bulk(w.count(), w.keyPrefix(), w.first(), w.spacing(), key ->
                    cluster.write(w.coordinator(), key, w.value(), level(w.consistency()), null));
        } else if (step instanceof Step.ReadKeys r) {
            bulk(r.count(), r.keyPrefix(), r.first(), r.spacing(), key ->
                    cluster.read(r.coordinator(), key, level(r.consistency()), null));
        } else if (step instanceof Step.Crash c) {
            net.crash(c.node());
        } else if (step instanceof Step.Recover r) {
            net.recover(r.node());
        } else if (step instanceof Step.Cut c) {
            net.cut(c.from(), c.to(), Boolean.TRUE.equals(c.oneWay()));
        } else if (step instanceof Step.Heal h) {
            if (h.from() == null) {
                net.healAll();
            } else {
                net.heal(h.from(), h.to(), Boolean.TRUE.equals(h.oneWay()));
            }
        } else if (step instanceof Step.Partition p) {
            net.partition(p.groups());
        } else if (step instanceof Step.Blip b) {
            net.blip(b.from(), b.to(), Boolean.TRUE.equals(b.oneWay()), Durations.parse(b.duration()));
        } else if (step instanceof Step.Slow s) {
            net.slow(s.from(), s.to(), s.factor());
        } else if (step instanceof Step.Loss l) {
            net.setLoss(l.probability());
        } else if (step instanceof Step.Filter f) {
            Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
            if (f.kinds() != null) {
                f.kinds().forEach(k -> kinds.add(MessageKind.parse(k)));
            }
            net.addFilter(new MessageFilter(f.name(), kinds, f.from(), f.to(),
                    f.probability() == null ? 1 : f.probability(), f.count() == null ? -1 : f.count()));
        } else if (step instanceof Step.Unfilter u) {
            net.removeFilter(u.name());
        } else if (step instanceof Step.Repair r) {
            antiEntropy.repair(r.nodeA(), r.nodeB());
        } else if (step instanceof Step.Sweep) {
            antiEntropy.sweepNow();
        } else if (step instanceof Step.Checkpoint c) {
            sim.record(new Event.Caption(sim.now(), "Predict: " + c.question() + " " + c.choices()));
        } else if (step instanceof Step.Configure c) {
            reconfigure(ScenarioValidator.repair(c.repair(), repairSetup, "/repair", new Problems()));
        }
    }

    /** Issues one operation per key, {@code spacing} apart, starting now. */
    private void bulk(int count, String prefix, Integer first, String spacing, java.util.function.Consumer<String> operation) {
        long gap = spacing == null ? 0 : Durations.parse(spacing);
        String p = prefix == null ? "key" : prefix;
        int start = first == null ? 0 : first;
        for (int i = 0; i < count; i++) {
            String key = p + (start + i);
            sim.after(gap * i, () -> operation.accept(key));
        }
    }

    /** Switches the mechanisms' settings while the cluster runs. */
    public void reconfigure(Scenario.RepairSetup next) {
        if (!next.hints().equals(repairSetup.hints())) {
            hints.update(next.hints());
        }
        if (next.readRepair() != repairSetup.readRepair() || next.readRepairChance() != repairSetup.readRepairChance()) {
            readRepair.setMode(next.readRepair(), next.readRepairChance());
        }
        if (!next.antiEntropy().equals(repairSetup.antiEntropy())) {
            antiEntropy.update(next.antiEntropy());
        }
        repairSetup = next;
    }

    private static ConsistencyLevel level(String text) {
        return text == null ? ConsistencyLevel.QUORUM : ConsistencyLevel.parse(text);
    }

    // ---- expectations -------------------------------------------------------------------------

    private void checkEndExpectations() {
        endChecked = true;
        scenario.expectations().forEach(this::judge);
    }

    private void judge(Check check) {
        Expectation spec = check.spec();
        if (spec instanceof Expectation.Replica r) {
            List<Cell> cells = cluster.storage(r.node()).get(r.key());
            String shown = Cell.shown(cells);
            boolean absent = Boolean.TRUE.equals(r.absent());
            record(check, absent ? shown.equals("not found") : shown.equals(r.value()),
                    r.node() + " holds " + shown + describeVersions(cells));
        } else if (spec instanceof Expectation.Keys k) {
            long live = cluster.storage(k.node()).liveKeys();
            record(check, (k.min() == null || live >= k.min()) && (k.max() == null || live <= k.max()),
                    k.node() + " holds " + live + " live keys");
        } else if (spec instanceof Expectation.Counter c) {
            Long value = metrics().get(c.name());
            long v = value == null ? 0 : value;
            record(check, (c.min() == null || v >= c.min()) && (c.max() == null || v <= c.max()), c.name() + " = " + v);
        } else if (spec instanceof Expectation.Converged c) {
            List<String> divergent = c.keys() == null ? oracle.divergentKeys()
                    : c.keys().stream().filter(oracle::diverged).toList();
            boolean expected = c.expected() == null || c.expected();
            record(check, divergent.isEmpty() == expected,
                    divergent.isEmpty() ? "no key diverges" : divergent.size() + " divergent: "
                            + divergent.subList(0, Math.min(5, divergent.size())));
        } else if (spec instanceof Expectation.Invariant i) {
            Optional<String> violation = Invariant.named(i.name()).orElseThrow().violation(oracle);
            record(check, violation.isEmpty(), violation.orElse("holds"));
        }
    }

    private void judgeResult(Check check, OperationResult result) {
        Expectation.Result r = (Expectation.Result) check.spec();
        boolean outcomeOk = r.outcome() == null || r.outcome().equalsIgnoreCase(result.outcome().name());
        boolean valueOk = r.value() == null || r.value().equals(result.shownValue());
        String got = result.outcome() + (result.type() == dev.repairscope.cluster.OperationType.READ
                ? ", returned " + result.shownValue() : "") + " after " + Durations.format(result.latency());
        record(check, outcomeOk && valueOk, got);
    }

    private void record(Check check, boolean passed, String detail) {
        results.add(new ExpectationResult(check.description(), passed, detail, sim.now()));
        sim.record(new Event.ExpectationChecked(sim.now(), check.description(), passed, detail));
    }


    private static String describeVersions(List<Cell> cells) {
        return cells.isEmpty() ? "" : " (" + String.join(", ", cells.stream().map(Cell::label).toList()) + ")";
    }

    // ---- numbers ------------------------------------------------------------------------------

    /** Every metric of the run by name: the oracle's, the cluster's and each mechanism's counters. */
    public Map<String, Long> metrics() {
        Map<String, Long> metrics = new LinkedHashMap<>();
        DivergenceSample now = oracle.sampleNow();
        metrics.put("writes", cluster.counters().get("writes"));
        metrics.put("reads", cluster.counters().get("reads"));
        metrics.put("deletes", cluster.counters().get("deletes"));
        metrics.put("acknowledgedWrites", oracle.acknowledgedWrites());
        metrics.put("staleReads", oracle.staleReads());
        metrics.put("nonMonotonicReads", oracle.nonMonotonicReads());
        metrics.put("divergentKeys", (long) now.divergentKeys());
        metrics.put("hotDivergentKeys", (long) now.hotDivergent());
        metrics.put("coldDivergentKeys", (long) now.coldDivergent());
        metrics.put("maxDivergentKeys", oracle.samples().stream().mapToLong(DivergenceSample::divergentKeys)
                .max().orElse(0));
        metrics.put("lostWrites", (long) oracle.lostWrites().size());
        metrics.put("lostWritesByClockSkew", (long) oracle.overwrittenByClockSkew().size());
        metrics.put("readLatencyP50Micros", oracle.readLatency().percentile(50));
        metrics.put("readLatencyP99Micros", oracle.readLatency().percentile(99));
        metrics.put("writeLatencyP50Micros", oracle.writeLatency().percentile(50));
        metrics.put("writeLatencyP99Micros", oracle.writeLatency().percentile(99));
        long total = 0;
        for (MessageKind kind : MessageKind.values()) {
            total += cluster.network().bytesSent(kind);
        }
        metrics.put("networkBytes", total);
        cluster.counters().snapshot().forEach(metrics::putIfAbsent);
        return Collections.unmodifiableMap(metrics);
    }

    // ---- accessors for the window -------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public Simulation sim() {
        return sim;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Oracle oracle() {
        return oracle;
    }

    public ReadRepair readRepair() {
        return readRepair;
    }

    public HintedHandoff hints() {
        return hints;
    }

    public AntiEntropy antiEntropy() {
        return antiEntropy;
    }

    public Scenario.RepairSetup repairSetup() {
        return repairSetup;
    }

    public List<ExpectationResult> results() {
        return Collections.unmodifiableList(results);
    }
}
