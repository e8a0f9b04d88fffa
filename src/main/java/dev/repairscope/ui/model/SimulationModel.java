package dev.repairscope.ui.model;

import dev.repairscope.scenario.RunSnapshots;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Journal;
import dev.repairscope.sim.Simulation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The presentation model of the window: it owns the running {@link ScenarioRun}, drives it in
 * bounded slices from the window's pulse (so the FX thread never blocks, whatever the run's size),
 * and records every user action with the exact point it happened at, so that seeking backwards is
 * a deterministic replay: the same scenario and seed, the same actions at the same steps.
 *
 * <p>Views bind to the read-only properties and call the commands; they never touch the run's
 * objects to change them. Everything here runs on the FX thread.
 */
public final class SimulationModel {
    public static final double MIN_SPEED = 1e-4;
    public static final double MAX_SPEED = 1e4;
    /** Time the pulse may spend running the simulation while playing (the rest of the frame draws). */
    static final long PLAY_BUDGET_NANOS = 8_000_000L;
    /**
     * Time the pulse may spend when catching up to a seek target (a progress indicator shows
     * meanwhile): most of a frame, so replays are quick, while the window still answers clicks.
     */
    static final long SEEK_BUDGET_NANOS = 70_000_000L;
    /** Least speed through quiet gaps (nothing on the wire), in simulated seconds per real second. */
    static final double QUIET_RATE = 20;
    /** Quiet gaps go at least fast enough that a scenario's whole duration would pass in this many seconds. */
    static final double QUIET_SCENARIO_SECONDS = 30;
    /** Longest frame interval the pulse accounts for (after a stall, playback does not jump). */
    static final long MAX_FRAME_NANOS = 100_000_000L;
    /** How many step boundaries are remembered for stepping back. */
    static final int MAX_GROWTH = 4096;
    /** Running time per unit of snapshot copying time, at least. */
    static final long SNAPSHOT_COST_SHARE = 20;
    /** How many dropped messages are kept for the "falling" animation. */
    static final int MAX_RECENT_DROPS = 400;

    /**
     * Where a goal-directed advance stops: a time, a journal size, or the next event of a kind.
     * {@code shown} goals (playing, stepping) animate drops and ask checkpoint questions on the
     * way; seeks and replays jump there silently.
     */
    private record Goal(long time, int journalSize, java.util.function.Predicate<Event> type, String label,
                        boolean shown) {
        static Goal seekTo(long time, String label) {
            return new Goal(time, -1, null, label, false);
        }
    }

    /** A lesson's predict-then-reveal checkpoint the run has just reached (the window asks it). */
    public record Question(int step, long at, String text, List<String> choices, String answer, String explanation,
                           Long revealAt) {
    }

    /** A dropped message, for the falling animation. */
    public record Drop(Flight flight, long droppedAt, String reason) {
    }

    private final LongSupplier nanoClock;

    private Scenario scenario;
    private long seed;
    private ScenarioRun run;
    private final List<RecordedAction> actions = new ArrayList<>();
    private int appliedActions;
    private Goal goal;
    private boolean resumeAfterGoal;
    private int typeScanFrom;
    private boolean endReached;
    private long lastPulse = -1;

    // what the journal says, followed incrementally
    private int followed;
    private final Map<Long, Flight> inFlight = new LinkedHashMap<>();
    private final ArrayDeque<Drop> newDrops = new ArrayDeque<>();
    /** Journal sizes just before the latest steps that added events (for stepping back), newest last. */
    private final ArrayDeque<Integer> growth = new ArrayDeque<>();
    /** Copies of this run taken as it plays: going back restores one and replays only the rest. */
    private final RunSnapshots snapshots;
    private int restoredFromSnapshots;
    /** Wall time the last snapshot took, and when it was done: copying may take at most 1/20 of playing. */
    private long lastCopyNanos;
    private long lastCopyDoneAt;
    private ChartData charts;
    private int lastCaptionIndex = -1;
    private int expectationsHeld;
    private int expectationsFailed;

    // ---- properties -------------------------------------------------------------------------

    private final ReadOnlyObjectWrapper<ScenarioRun> runProperty = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper(this, "time");
    private final ReadOnlyLongWrapper endTime = new ReadOnlyLongWrapper(this, "endTime");
    private final ReadOnlyIntegerWrapper journalSize = new ReadOnlyIntegerWrapper(this, "journalSize");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyLabel = new ReadOnlyStringWrapper(this, "busyLabel", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper actionCount = new ReadOnlyIntegerWrapper(this, "actionCount");
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>(this, "question");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0.01);
    private final BooleanProperty skipQuietGaps = new SimpleBooleanProperty(this, "skipQuietGaps", true);

    public SimulationModel() {
        this(System::nanoTime);
    }

    /** @param nanoClock the window's clock, used only to bound how long one pulse works */
    public SimulationModel(LongSupplier nanoClock) {
        this(nanoClock, new RunSnapshots());
    }

    /** @param snapshots where copies of the run are kept as it plays (tests choose a tight spacing) */
    SimulationModel(LongSupplier nanoClock, RunSnapshots snapshots) {
        this.nanoClock = nanoClock;
        this.snapshots = snapshots;
        speed.addListener((obs, old, now) -> {
            double clamped = Math.max(MIN_SPEED, Math.min(MAX_SPEED, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                speed.set(clamped);
            }
        });
    }

    /** The run on screen; replaced when a scenario is loaded and when seeking backwards rebuilds it. */
    public ReadOnlyObjectProperty<ScenarioRun> runProperty() {
        return runProperty.getReadOnlyProperty();
    }

    /** Simulated time now, in microseconds. */
    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** The scenario's duration: the end of the timeline (play pauses there once). */
    public ReadOnlyLongProperty endTimeProperty() {
        return endTime.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty journalSizeProperty() {
        return journalSize.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True while the model runs to a target (a seek or a step) over several pulses. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyLabelProperty() {
        return busyLabel.getReadOnlyProperty();
    }

    /** The latest caption the run has reached, or empty. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Bumped whenever anything on screen may have changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * The checkpoint question waiting for an answer, or null. Playback pauses when the run reaches a
     * checkpoint while playing or stepping (not while seeking); answering and playing on reveals it.
     */
    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** Puts the question away (the view calls this when the user plays on). */
    public void dismissQuestion() {
        question.set(null);
    }

    public ReadOnlyIntegerProperty actionCountProperty() {
        return actionCount.getReadOnlyProperty();
    }

    /** Simulated seconds per real second, from {@value #MIN_SPEED} to {@value #MAX_SPEED}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** When nothing is on the wire, jump over the quiet time instead of waiting through it. */
    public BooleanProperty skipQuietGapsProperty() {
        return skipQuietGaps;
    }

    // ---- queries ----------------------------------------------------------------------------

    public ScenarioRun run() {
        return run;
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public long now() {
        return run == null ? 0 : run.sim().now();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Messages on the wire now, as the journal announced them. */
    public Collection<Flight> inFlight() {
        return Collections.unmodifiableCollection(inFlight.values());
    }

    /** Drops recorded since the last call (the view animates them falling). */
    public List<Drop> drainDrops() {
        List<Drop> drops = new ArrayList<>(newDrops);
        newDrops.clear();
        return drops;
    }

    public ChartData charts() {
        return charts;
    }

    /** The actions the user took on this run, in order (later ones may wait to be replayed). */
    public List<RecordedAction> actions() {
        return Collections.unmodifiableList(actions);
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Shows a new scenario from its start, with its own seed; forgets the previous run's actions. */
    public void load(Scenario next) {
        load(next, next.seed());
    }

    public void load(Scenario next, long runSeed) {
        ScenarioRun fresh = new ScenarioRun(next, runSeed); // may throw: the current run stays untouched
        scenario = next;
        seed = runSeed;
        actions.clear();
        snapshots.clear();
        goal = null;
        playing.set(false);
        install(fresh, 0);
    }

    public void play() {
        if (run == null) {
            return;
        }
        if (goal != null) {
            resumeAfterGoal = true;
            return;
        }
        lastPulse = -1;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        resumeAfterGoal = false;
    }

    public void togglePlay() {
        if (playing.get() || (goal != null && resumeAfterGoal)) {
            pause();
        } else {
            play();
        }
    }

    /** Runs until the journal records its next event (silent timer steps are taken along). */
    public void stepEvent() {
        if (run == null || goal != null) {
            return; // still working on the last command
        }
        pause();
        startGoal(new Goal(stepCap(), journalSize() + 1, null, "stepping", true), false);
    }

    /** Runs until the next client operation starts. */
    public void stepToNextOperation() {
        if (run == null || goal != null) {
            return; // still working on the last command
        }
        pause();
        typeScanFrom = journalSize();
        startGoal(new Goal(stepCap(), -1, e -> e instanceof Event.OperationStarted, "to the next client operation", true), false);
    }

    /**
     * Goes back to just before the last step that added events to the journal (replaying from the
     * seed), so a step forward followed by a step back returns to exactly the same state.
     */
    public void stepBack() {
        if (run == null || goal != null) {
            return; // still working on the last command
        }
        pause();
        if (growth.isEmpty() && journalSize() > 0) {
            relearnGrowth();
        }
        Integer before = growth.peekLast();
        if (before == null) {
            seek(0);
            return;
        }
        rebuildBeforeJournalSize(before);
        startGoal(new Goal(Long.MAX_VALUE, before, null, "stepping back", false), false);
    }

    /**
     * Runs until the anti-entropy exchange makes progress the journal shows (a level compared, the
     * ranges out of sync found, or the session finished), at most a minute of simulated time.
     */
    public void runToExchangeProgress() {
        if (run == null || goal != null) {
            return; // still working on the last command
        }
        pause();
        typeScanFrom = journalSize();
        startGoal(new Goal(now() + Durations.seconds(60), -1, e -> e instanceof Event.MerkleLevelCompared
                || e instanceof Event.RangesOutOfSync || e instanceof Event.RepairSessionFinished,
                "to the exchange's next answer", true), false);
    }

    /** Goes to simulated time {@code target}: forwards by running on, backwards by replaying from the seed. */
    public void seek(long target) {
        if (run == null) {
            return;
        }
        long t = Math.max(0, target);
        boolean wasPlaying = playing.get() || (goal != null && resumeAfterGoal);
        playing.set(false);
        if (t < now()) {
            rebuildAtOrBefore(t);
        }
        startGoal(Goal.seekTo(t, "seeking to " + Durations.format(t)), wasPlaying);
    }

    /** Goes to the moment just after the journal's event number {@code index} was recorded. */
    public void seekToEvent(int index) {
        if (run == null || index < 0) {
            return;
        }
        boolean wasPlaying = playing.get();
        playing.set(false);
        if (index < journalSize()) {
            rebuildBeforeJournalSize(index + 1);
        }
        startGoal(new Goal(Long.MAX_VALUE, index + 1, null, "seeking to event " + (index + 1), false), wasPlaying);
    }

    /**
     * Carries out a user action now and records it for replay. Actions the user had taken later on
     * (before seeking back to here) are forgotten: history branches from this point.
     *
     * @return false when refused because the model is still running to a target
     */
    public boolean perform(UserAction action) {
        if (run == null || goal != null) {
            return false;
        }
        actions.subList(appliedActions, actions.size()).clear();
        Simulation sim = run.sim();
        snapshots.forgetFrom(sim.stepsRun()); // history branches here: later snapshots show another future
        actions.add(new RecordedAction(sim.stepsRun(), sim.now(), action));
        int before = sim.journal().size();
        action.applyTo(run);
        noteGrowth(before, sim.journal().size());
        appliedActions = actions.size();
        actionCount.set(actions.size());
        follow();
        return true;
    }

    /**
     * The window's pulse: moves the simulation on by the time that passed on screen (times the
     * speed), or towards a seek target, within a bounded time budget; then follows the journal.
     */
    public void pulse(long wallNanos) {
        if (run == null) {
            return;
        }
        long elapsed = lastPulse < 0 ? 0 : Math.min(MAX_FRAME_NANOS, Math.max(0, wallNanos - lastPulse));
        lastPulse = wallNanos;
        boolean shown = goal == null || goal.shown();
        if (goal != null) {
            if (advance(goal, SEEK_BUDGET_NANOS)) {
                finishGoal();
            }
        } else if (playing.get()) {
            advance(playGoal(elapsed), PLAY_BUDGET_NANOS);
            if (!endReached && now() >= endTime.get()) {
                endReached = true;
                playing.set(false);
            }
        }
        follow(shown);
    }

    /** Runs whatever target is pending to completion, now (tests and exports; may take long). */
    public void finishPending() {
        boolean shown = goal == null || goal.shown();
        while (goal != null) {
            if (advance(goal, Long.MAX_VALUE / 4)) {
                finishGoal();
            }
        }
        follow(shown);
    }

    // ---- running ----------------------------------------------------------------------------

    /**
     * Where this frame's playback goes. While messages are on the wire, simulated time flows at the
     * chosen speed. In a quiet gap (nothing on the wire) it flows at least at {@link #quietRate()},
     * and the frame stops early at the first new journal event, so nothing is skipped unseen.
     */
    private Goal playGoal(long elapsedNanos) {
        double rate = speed.get();
        boolean quiet = skipQuietGaps.get() && inFlight.isEmpty();
        if (quiet) {
            rate = Math.max(rate, quietRate());
        }
        long advance = Math.round(rate * elapsedNanos / 1000.0); // simulated microseconds
        long target = now() + Math.max(0, advance);
        if (!endReached && target > endTime.get() && now() < endTime.get()) {
            target = endTime.get();
        }
        return new Goal(target, quiet ? journalSize() + 1 : -1, null, "playing", true);
    }

    /** Simulated seconds per real second through quiet gaps: 20x, or the whole scenario in 30 s if faster. */
    private double quietRate() {
        return Math.max(QUIET_RATE, endTime.get() / 1e6 / QUIET_SCENARIO_SECONDS);
    }

    private long stepCap() {
        return Math.max(now(), endTime.get()) + Math.max(endTime.get(), Durations.seconds(60));
    }

    private void startGoal(Goal next, boolean resume) {
        goal = next;
        resumeAfterGoal = resume;
        busy.set(true);
        busyLabel.set(next.label());
    }

    private void finishGoal() {
        goal = null;
        busy.set(false);
        busyLabel.set("");
        if (resumeAfterGoal) {
            resumeAfterGoal = false;
            lastPulse = -1;
            playing.set(true);
        }
    }

    /**
     * Runs the simulation towards {@code target}, applying recorded actions at their steps, for at
     * most {@code budgetNanos}. Returns true when the target is reached (or nothing is left to run).
     */
    private boolean advance(Goal target, long budgetNanos) {
        Simulation sim = run.sim();
        Journal journal = sim.journal();
        long deadline = nanoClock.getAsLong() + budgetNanos;
        int steps = 0;
        while (true) {
            if (reached(target, journal)) {
                return true;
            }
            RecordedAction pending = appliedActions < actions.size() ? actions.get(appliedActions) : null;
            if (pending != null && pending.steps() == sim.stepsRun()) {
                if (pending.time() > target.time()) {
                    sim.runUntil(target.time()); // every event up to the target has run: only the clock moves
                    return true;
                }
                if (sim.now() < pending.time()) {
                    sim.runUntil(pending.time());
                }
                int before = journal.size();
                pending.action().applyTo(run);
                noteGrowth(before, journal.size());
                appliedActions++;
                continue;
            }
            long next = sim.nextEventTime();
            if (next < 0 || next > target.time()) {
                if (target.time() != Long.MAX_VALUE && target.time() > sim.now()) {
                    sim.runUntil(target.time());
                }
                return true;
            }
            int before = journal.size();
            sim.step();
            noteGrowth(before, journal.size());
            if (snapshots.due(sim.stepsRun())) {
                snapshotIfCheapEnough();
            }
            if ((++steps & 63) == 0 && nanoClock.getAsLong() - deadline > 0) {
                return false;
            }
        }
    }

    /**
     * A crowded run takes tens of milliseconds to copy: space the snapshots so that copying never
     * takes more than a twentieth of the time spent running (a longer replay when seeking back is the
     * price, and it stays bounded by the doubled spacing).
     */
    private void snapshotIfCheapEnough() {
        long start = nanoClock.getAsLong();
        if (start - lastCopyDoneAt < SNAPSHOT_COST_SHARE * lastCopyNanos) {
            return;
        }
        snapshots.offer(run, appliedActions);
        lastCopyDoneAt = nanoClock.getAsLong();
        lastCopyNanos = lastCopyDoneAt - start;
    }

    private void noteGrowth(int before, int after) {
        if (after > before) {
            growth.addLast(before);
            if (growth.size() > MAX_GROWTH) {
                growth.removeFirst();
            }
        }
    }

    private boolean reached(Goal target, Journal journal) {
        if (target.journalSize() >= 0 && journal.size() >= target.journalSize()) {
            return true;
        }
        if (target.type() != null) {
            List<Event> events = journal.events();
            for (; typeScanFrom < events.size(); typeScanFrom++) {
                if (target.type().test(events.get(typeScanFrom))) {
                    typeScanFrom++;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Goes back to the latest snapshot at or before {@code time} (or a fresh run of the same scenario
     * and seed); the recorded actions after it will be applied again as the replay passes them.
     */
    private void rebuildAtOrBefore(long time) {
        restore(snapshots.atOrBefore(time));
    }

    /** Goes back to the latest snapshot whose journal is shorter than {@code journalSize}. */
    private void rebuildBeforeJournalSize(int journalSize) {
        restore(snapshots.beforeJournalSize(journalSize));
    }

    private void restore(RunSnapshots.Snapshot snapshot) {
        if (snapshot == null) {
            install(new ScenarioRun(scenario, seed), 0);
        } else {
            install(snapshot.thaw(), snapshot.actionsApplied());
            restoredFromSnapshots++;
        }
    }

    /**
     * Step back needs to know where the last step that grew the journal began; after a restore the
     * record only covers the replay since the snapshot. Replays again to here from an earlier
     * snapshot to learn it (at most a snapshot's spacing of steps).
     */
    private void relearnGrowth() {
        int here = journalSize();
        rebuildBeforeJournalSize(here);
        Goal back = new Goal(Long.MAX_VALUE, here, null, "stepping back", false);
        while (!advance(back, Long.MAX_VALUE / 4)) {
            // runs to completion: bounded by the snapshot spacing
        }
        follow(false);
    }

    private void install(ScenarioRun fresh, int actionsApplied) {
        run = fresh;
        appliedActions = actionsApplied;
        actionCount.set(actions.size());
        endReached = false;
        followed = 0;
        growth.clear();
        inFlight.clear();
        newDrops.clear();
        lastCaptionIndex = -1;
        expectationsHeld = 0;
        expectationsFailed = 0;
        caption.set("");
        question.set(null);
        charts = new ChartData(scenario.duration(), scenario.sampleInterval());
        endTime.set(scenario.duration());
        lastPulse = -1;
        runProperty.set(fresh);
        follow();
    }

    /** Reads the journal's new events into what the views draw. */
    private void follow() {
        follow(goal == null);
    }

    /** @param animate false while seeking: no falling drops, no checkpoint questions */
    private void follow(boolean animate) {
        List<Event> events = run.sim().journal().events();
        long now = run.sim().now();
        for (int i = followed; i < events.size(); i++) {
            Event event = events.get(i);
            charts.onEvent(event);
            if (event instanceof Event.MessageSent sent) {
                inFlight.put(sent.id(), Flight.of(sent));
            } else if (event instanceof Event.MessageDelivered delivered) {
                inFlight.remove(delivered.id());
            } else if (event instanceof Event.MessageDropped dropped) {
                Flight flight = inFlight.remove(dropped.id());
                if (animate && flight != null) {
                    newDrops.addLast(new Drop(flight, dropped.at(), dropped.reason()));
                    while (newDrops.size() > MAX_RECENT_DROPS) {
                        newDrops.removeFirst();
                    }
                }
            } else if (event instanceof Event.ExpectationChecked x) {
                if (x.passed()) {
                    expectationsHeld++;
                } else {
                    expectationsFailed++;
                }
            } else if (event instanceof Event.Caption c) {
                lastCaptionIndex = i;
                caption.set(c.text());
                if (animate) {
                    askIfCheckpoint(c);
                }
            }
        }
        followed = events.size();
        charts.catchUp(now, run.oracle());
        time.set(now);
        journalSize.set(events.size());
        revision.set(revision.get() + 1);
    }

    /** A checkpoint step journals a "Predict: ..." caption at its time: find the step, pause, ask. */
    private void askIfCheckpoint(Event.Caption c) {
        if (!c.text().startsWith("Predict: ")) {
            return;
        }
        for (Scenario.TimedStep timed : scenario.timeline()) {
            if (timed.at() == c.at() && timed.step() instanceof dev.repairscope.scenario.ScenarioFile.Step.Checkpoint cp
                    && c.text().startsWith("Predict: " + cp.question())) {
                Long reveal = cp.revealAt() == null ? null : Durations.parse(cp.revealAt());
                question.set(new Question(timed.index(), timed.at(), cp.question(),
                        cp.choices() == null ? List.of() : List.copyOf(cp.choices()), cp.answer(),
                        cp.explanation() == null ? "" : cp.explanation(), reveal));
                playing.set(false);
                return;
            }
        }
    }

    private int journalSize() {
        return run.sim().journal().size();
    }

    /** How many times going back started from a snapshot instead of the seed. */
    int restoredFromSnapshots() {
        return restoredFromSnapshots;
    }

    /** The scenario's expectations judged so far in this run that held. */
    public int expectationsHeld() {
        return expectationsHeld;
    }

    /** ... and that did not. */
    public int expectationsFailed() {
        return expectationsFailed;
    }

    /** Index in the journal of the caption on screen, or -1. */
    public int captionIndex() {
        return lastCaptionIndex;
    }
}
