package dev.repairscope.ui.model;

import dev.repairscope.repair.antientropy.AntiEntropySettings;
import dev.repairscope.repair.hints.HintSettings;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioFile.Step;
import dev.repairscope.sim.Durations;
import java.util.List;
import java.util.Locale;

/**
 * The verbs the window offers, each turned into a recorded {@link UserAction}: the cluster view's
 * clicks and the control panel's buttons both come through here, so every fault and every
 * setting change lands in the journal and on the replay timeline.
 */
public final class RunCommands {
    private static final String NOW = "0s";

    private final SimulationModel model;

    public RunCommands(SimulationModel model) {
        this.model = model;
    }

    // ---- nodes and links ----------------------------------------------------------------------

    public boolean crash(String node) {
        return step(new Step.Crash(NOW, null, List.of(), node), "crash " + node);
    }

    public boolean recover(String node) {
        return step(new Step.Recover(NOW, null, List.of(), node), "recover " + node);
    }

    /** Crashes an up node, recovers a down one. */
    public boolean toggle(String node) {
        return model.run().cluster().network().isUp(node) ? crash(node) : recover(node);
    }

    public boolean cut(String from, String to, boolean oneWay) {
        return step(new Step.Cut(NOW, null, List.of(), from, to, oneWay),
                "cut " + from + (oneWay ? " -> " : " <-> ") + to);
    }

    /** Heals the link both ways (whatever was cut). */
    public boolean heal(String a, String b) {
        return step(new Step.Heal(NOW, null, List.of(), a, b, false), "heal " + a + " <-> " + b);
    }

    public boolean healAll() {
        return step(new Step.Heal(NOW, null, List.of(), null, null, null), "heal every link");
    }

    /** Cuts a link for {@code duration} (e.g. "2s"), then heals it. */
    public boolean blip(String from, String to, boolean oneWay, String duration) {
        Durations.parse(duration); // refuse a bad duration before anything is recorded
        return step(new Step.Blip(NOW, null, List.of(), from, to, duration, oneWay),
                "blip " + from + (oneWay ? " -> " : " <-> ") + to + " for " + duration);
    }

    public boolean loss(double probability) {
        return step(new Step.Loss(NOW, null, List.of(), probability),
                String.format(Locale.ROOT, "message loss %.0f%%", probability * 100));
    }

    // ---- client requests ----------------------------------------------------------------------

    public boolean write(String coordinator, String key, String value, String consistency) {
        return step(new Step.Write(NOW, null, List.of(), coordinator, key, value, consistency),
                "write " + key + "=" + value + " via " + coordinator + " at " + consistency);
    }

    public boolean read(String coordinator, String key, String consistency) {
        return step(new Step.Read(NOW, null, List.of(), coordinator, key, consistency),
                "read " + key + " via " + coordinator + " at " + consistency);
    }

    // ---- repair -------------------------------------------------------------------------------

    public boolean setHints(HintSettings hints) {
        Scenario.RepairSetup now = model.run().repairSetup();
        return reconfigure(new Scenario.RepairSetup(hints, now.readRepair(), now.readRepairChance(), now.antiEntropy()),
                "hinted handoff: " + hints.describe());
    }

    public boolean setReadRepair(ReadRepairMode mode, double chance) {
        Scenario.RepairSetup now = model.run().repairSetup();
        return reconfigure(new Scenario.RepairSetup(now.hints(), mode, chance, now.antiEntropy()),
                "read repair: " + mode + (mode == ReadRepairMode.PROBABILISTIC ? " (chance " + chance + ")" : ""));
    }

    public boolean setAntiEntropy(AntiEntropySettings settings) {
        Scenario.RepairSetup now = model.run().repairSetup();
        return reconfigure(new Scenario.RepairSetup(now.hints(), now.readRepair(), now.readRepairChance(), settings),
                "anti-entropy: " + (settings.enabled() ? "on, every " + Durations.format(settings.interval())
                        + ", depth " + settings.depth() : "off"));
    }

    public boolean sweepNow() {
        return step(new Step.Sweep(NOW, null, List.of()), "anti-entropy sweep now");
    }

    public boolean repairPair(String a, String b) {
        return step(new Step.Repair(NOW, null, List.of(), a, b), "anti-entropy repair " + a + " <-> " + b);
    }

    /**
     * One click of "step exchange": advances the exchange in progress (or the next queued one); when
     * there is none, starts a manual exchange between {@code a} and {@code b}. Then runs the
     * simulation until that level's answer is in (the exchange waits for the next click) or it ends.
     */
    public boolean stepExchange(String a, String b) {
        var ae = model.run().antiEntropy();
        boolean idle = ae.currentExchange().map(x -> x.finished()).orElse(true) && ae.queuedSessions() == 0;
        boolean done = idle ? model.perform(new UserAction.StepwiseRepair(a, b))
                : model.perform(new UserAction.StepExchange());
        if (done) {
            model.runToExchangeProgress();
        }
        return done;
    }

    private boolean reconfigure(Scenario.RepairSetup setup, String description) {
        if (setup.equals(model.run().repairSetup())) {
            return false;
        }
        return model.perform(new UserAction.Reconfigure(setup, description));
    }

    private boolean step(Step step, String description) {
        return model.perform(new UserAction.Perform(step, description));
    }
}
