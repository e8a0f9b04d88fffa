package dev.repairscope.ui.compare;

import dev.repairscope.repair.antientropy.AntiEntropySettings;
import dev.repairscope.repair.hints.HintSettings;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.SimulationModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Two runs of the same scenario and seed under two settings, kept at the same simulated time.
 * Each run is a {@link SimulationModel}; this model owns the one clock both follow: playing moves
 * the shared target time on by the elapsed real time times the speed, and each run is sent to that
 * target with a silent seek (so checkpoints do not stop one side). Seeking moves both; going back
 * replays both from the seed. The time shown is the later of the two only once both are there.
 */
public final class CompareModel {
    private final SimulationModel a;
    private final SimulationModel b;
    private final ReadOnlyLongWrapper target = new ReadOnlyLongWrapper(this, "target");
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper(this, "time");
    private final ReadOnlyLongWrapper endTime = new ReadOnlyLongWrapper(this, "endTime");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    /** Simulated seconds per real second while playing. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 5);
    private long lastPulse = -1;

    public CompareModel() {
        this(System::nanoTime);
    }

    public CompareModel(LongSupplier nanoClock) {
        a = new SimulationModel(nanoClock);
        b = new SimulationModel(nanoClock);
    }

    /**
     * Loads the two runs, both with {@code seed}, at time 0, paused. Throws (leaving the current pair
     * untouched) when either cannot be built.
     */
    public void load(Scenario first, Scenario second, long seed) {
        SimulationModel probe = new SimulationModel();
        probe.load(second, seed); // fails before anything changes when B cannot run
        pause();
        a.load(first, seed);
        b.load(second, seed);
        target.set(0);
        endTime.set(Math.max(first.duration(), second.duration()));
        // a pace at which the whole run plays in about half a minute
        speed.set(Math.max(1, Math.round(endTime.get() / 1e6 / 30)));
        sync();
    }

    /** A copy of {@code scenario} with another repair section (the "settings override" for run B). */
    public static Scenario withRepair(Scenario scenario, Scenario.RepairSetup repair, String label) {
        return new Scenario(scenario.source(), scenario.name() + " [" + label + "]", scenario.description(),
                scenario.teaches(), scenario.seed(), scenario.duration(), scenario.sampleInterval(), scenario.cluster(),
                scenario.network(), repair, scenario.workload(), scenario.timeline(), scenario.expectations());
    }

    /**
     * The override the window offers: {@code scenario}'s repair with the read repair mode, and hinted
     * handoff and anti-entropy on or off (anti-entropy, when switched on here, sweeps every minute unless
     * the file already gave it an interval).
     */
    public static Scenario.RepairSetup override(Scenario.RepairSetup base, ReadRepairMode readRepair, boolean hints,
                                                boolean antiEntropy) {
        HintSettings hintsNow = base.hints().withEnabled(hints);
        AntiEntropySettings ae = base.antiEntropy();
        if (antiEntropy && !ae.enabled() && ae.interval() == AntiEntropySettings.defaults().interval()) {
            ae = new AntiEntropySettings(true, Durations.seconds(60), ae.depth(), ae.maintenance());
        } else {
            ae = ae.withEnabled(antiEntropy);
        }
        return new Scenario.RepairSetup(hintsNow, readRepair, base.readRepairChance(), ae);
    }

    /** "read repair foreground, hints off, anti-entropy every 60s". */
    public static String describe(Scenario.RepairSetup repair) {
        return "read repair " + repair.readRepair().id() + ", hints " + (repair.hints().enabled() ? "on" : "off")
                + ", anti-entropy " + (repair.antiEntropy().enabled()
                ? "every " + Durations.format(repair.antiEntropy().interval()) : "off");
    }

    // ---- driving ----------------------------------------------------------------------------

    public void play() {
        if (a.run() == null) {
            return;
        }
        if (target.get() >= endTime.get()) {
            seek(0);
        }
        lastPulse = -1;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Both runs to simulated time {@code at} (backwards: both replay from the seed). */
    public void seek(long at) {
        if (a.run() == null) {
            return;
        }
        target.set(Math.max(0, Math.min(at, endTime.get())));
        a.seek(target.get());
        b.seek(target.get());
        sync();
    }

    /**
     * One frame: while playing, the target moves on (but never more than a frame ahead of the slower
     * run, so both stay together); each run works towards it within its own time budget.
     */
    public void pulse(long wallNanos) {
        if (a.run() == null) {
            return;
        }
        long elapsed = lastPulse < 0 ? 0 : Math.min(100_000_000L, Math.max(0, wallNanos - lastPulse));
        lastPulse = wallNanos;
        if (playing.get() && !a.isBusy() && !b.isBusy()) {
            long next = Math.min(endTime.get(), target.get() + Math.round(speed.get() * elapsed / 1000.0));
            if (next != target.get()) {
                target.set(next);
                a.seek(next);
                b.seek(next);
            }
            if (next >= endTime.get()) {
                playing.set(false);
            }
        }
        a.pulse(wallNanos);
        b.pulse(wallNanos);
        sync();
    }

    /** Runs whatever is pending to completion, now (tests). */
    public void finishPending() {
        a.finishPending();
        b.finishPending();
        sync();
    }

    private void sync() {
        busy.set(a.isBusy() || b.isBusy());
        time.set(Math.min(a.now(), b.now()));
        revision.set(revision.get() + 1);
    }

    // ---- queries ----------------------------------------------------------------------------

    public SimulationModel a() {
        return a;
    }

    public SimulationModel b() {
        return b;
    }

    /** Simulated time both runs have reached (the earlier of the two while one is still catching up). */
    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** Where both runs are going. */
    public ReadOnlyLongProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty endTimeProperty() {
        return endTime.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public boolean isBusy() {
        return a.isBusy() || b.isBusy();
    }

    /** One counter in both runs. */
    public record Row(String metric, long a, long b) {
        public long difference() {
            return b - a;
        }
    }

    /** Every counter of either run, by name, with both values. */
    public Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (a.run() == null || b.run() == null) {
            return rows;
        }
        Map<String, Long> ma = a.run().metrics();
        Map<String, Long> mb = b.run().metrics();
        TreeSet<String> names = new TreeSet<>(ma.keySet());
        names.addAll(mb.keySet());
        for (String name : names) {
            rows.put(name, new Row(name, ma.getOrDefault(name, 0L), mb.getOrDefault(name, 0L)));
        }
        return rows;
    }
}
