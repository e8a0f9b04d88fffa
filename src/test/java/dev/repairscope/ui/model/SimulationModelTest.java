package dev.repairscope.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Journal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presentation model without a window: bounded slices, stepping, and seeking backwards by
 * deterministic replay (compared with fresh runs driven straight through the simulation).
 */
class SimulationModelTest {
    Scenario scenario;
    SimulationModel model;
    RunCommands commands;
    final AtomicLong clock = new AtomicLong();

    /** The model under test (a subclass runs every test again with snapshots taken every few steps). */
    SimulationModel newModel(LongSupplier nanoClock) {
        return new SimulationModel(nanoClock);
    }

    @BeforeEach
    void load() throws Exception {
        scenario = new ScenarioLoader().loadResource(ScenarioLoader.DEFAULT_SCENARIO);
        model = newModel(clock::get);
        model.load(scenario);
        commands = new RunCommands(model);
    }

    /** A run driven directly: the reference the model must match. */
    ScenarioRun freshRunTo(long time) {
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        run.sim().runUntil(time);
        return run;
    }

    static String fingerprint(ScenarioRun run) {
        Journal j = run.sim().journal();
        return j.size() + "/" + j.digest() + "@" + run.sim().now();
    }

    @Test
    void seekingForwardMatchesAFreshRunToTheSameTime() {
        model.seek(Durations.seconds(12));
        model.finishPending();

        assertThat(model.now()).isEqualTo(Durations.seconds(12));
        assertThat(fingerprint(model.run())).isEqualTo(fingerprint(freshRunTo(Durations.seconds(12))));
        assertThat(model.run().sim().journal().size()).as("the first write at 1s and its messages").isGreaterThan(5);
    }

    @Test
    void seekingBackwardsRebuildsTheRunAndReproducesTheEarlierStateExactly() {
        model.seek(Durations.seconds(30));
        model.finishPending();
        ScenarioRun later = model.run();

        model.seek(Durations.seconds(9));
        model.finishPending();

        assertThat(model.run()).as("a new run, replayed from the seed").isNotSameAs(later);
        assertThat(fingerprint(model.run())).isEqualTo(fingerprint(freshRunTo(Durations.seconds(9))));
    }

    @Test
    void userActionsAreReplayedAtTheirExactStepWhenSeekingBack() {
        model.seek(Durations.seconds(12));
        model.finishPending();
        assertThat(commands.crash("n3")).isTrue();
        assertThat(commands.setReadRepair(ReadRepairMode.FOREGROUND, 0.1)).isTrue();
        model.seek(Durations.seconds(16));
        model.finishPending();
        String at16 = fingerprint(model.run());
        model.seek(Durations.seconds(35));
        model.finishPending();

        model.seek(Durations.seconds(16));
        model.finishPending();

        assertThat(fingerprint(model.run())).isEqualTo(at16);
        assertThat(model.run().cluster().network().isUp("n3")).isFalse();
        assertThat(model.run().readRepair().mode()).isEqualTo(ReadRepairMode.FOREGROUND);
        List<Event> crashes = model.run().sim().journal().events().stream()
                .filter(e -> e instanceof Event.NodeCrashed c && c.node().equals("n3")).toList();
        assertThat(crashes).hasSize(1);
        assertThat(crashes.get(0).at()).isEqualTo(Durations.seconds(12));

        model.seek(Durations.seconds(11));
        model.finishPending();
        assertThat(model.run().cluster().network().isUp("n3")).as("before the crash").isTrue();
        assertThat(fingerprint(model.run())).isEqualTo(fingerprint(freshRunTo(Durations.seconds(11))));
    }

    @Test
    void anActionAfterSeekingBackForgetsTheOldFuture() {
        model.seek(Durations.seconds(12));
        model.finishPending();
        commands.crash("n3");
        model.seek(Durations.seconds(6));
        model.finishPending();
        assertThat(model.actions()).hasSize(1);

        commands.crash("n2");

        assertThat(model.actions()).extracting(a -> a.action().describe()).containsExactly("crash n2");
        model.seek(Durations.seconds(14));
        model.finishPending();
        assertThat(model.run().cluster().network().isUp("n3")).isTrue();
        assertThat(model.run().cluster().network().isUp("n2")).isFalse();
    }

    @Test
    void stepRunsToTheNextJournalEventOnly() {
        ScenarioRun reference = new ScenarioRun(scenario, scenario.seed());
        for (int i = 0; i < 4; i++) {
            int before = reference.sim().journal().size();
            while (reference.sim().journal().size() == before) {
                reference.sim().step();
            }
            model.stepEvent();
            model.finishPending();
            assertThat(fingerprint(model.run())).as("step " + (i + 1)).isEqualTo(fingerprint(reference));
        }
    }

    @Test
    void stepToNextOperationStopsAtTheOperationStart() {
        model.stepToNextOperation();
        model.finishPending();

        List<Event> events = model.run().sim().journal().events();
        assertThat(events).filteredOn(e -> e instanceof Event.OperationStarted).hasSize(1);
        assertThat(model.now()).isEqualTo(Durations.seconds(1)); // the story's first write
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isEqualTo(Durations.seconds(1)));
    }

    @Test
    void playingAdvancesByElapsedTimeTimesSpeedWithinABudget() {
        model.skipQuietGapsProperty().set(false);
        model.speedProperty().set(2.0);
        model.play();
        clock.set(0);
        model.pulse(0);
        model.pulse(50_000_000L); // 50 ms on screen at 2x: 100 ms simulated

        assertThat(model.now()).isEqualTo(Durations.ms(100));
    }

    @Test
    void aSliceThatRunsOutOfTimeLeavesTheRestForTheNextPulse() {
        // the clock jumps 1 s per reading, so every slice is over budget after its first check
        SimulationModel slow = newModel(() -> clock.addAndGet(1_000_000_000L));
        slow.load(scenario);
        slow.seek(Durations.seconds(35));
        slow.pulse(0);

        assertThat(slow.isBusy()).as("one pulse cannot finish a 35 s seek on this clock").isTrue();
        assertThat(slow.now()).isLessThan(Durations.seconds(35));
        for (int i = 0; i < 10_000 && slow.isBusy(); i++) {
            slow.pulse(i);
        }
        assertThat(slow.isBusy()).isFalse();
        assertThat(fingerprint(slow.run())).isEqualTo(fingerprint(freshRunTo(Durations.seconds(35))));
    }

    @Test
    void messagesOnTheWireAreThoseTheJournalSentAndNotYetDeliveredOrDropped() {
        model.seek(Durations.seconds(1) + 500); // 0.5 ms after the first write: its copies are on the wire
        model.finishPending();

        List<Event> events = model.run().sim().journal().events();
        long sent = events.stream().filter(e -> e instanceof Event.MessageSent).count();
        long done = events.stream().filter(e -> e instanceof Event.MessageDelivered || e instanceof Event.MessageDropped).count();
        assertThat(model.inFlight()).hasSize((int) (sent - done));
        assertThat(model.inFlight()).isNotEmpty();
        assertThat(model.inFlight()).allSatisfy(f -> assertThat(f.deliverAt()).isGreaterThan(model.now()));
    }

    @Test
    void chartPointsAreTheSameWhateverTheSlicing() {
        model.seek(Durations.seconds(30));
        model.finishPending();
        SimulationModel sliced = newModel(() -> clock.addAndGet(3_000_000L));
        sliced.load(scenario);
        sliced.seek(Durations.seconds(30));
        for (int i = 0; i < 100_000 && (sliced.isBusy()); i++) {
            sliced.pulse(i);
        }

        for (ChartData.Series s : ChartData.Series.values()) {
            assertThat(sliced.charts().points(s)).as(s.label()).isEqualTo(model.charts().points(s));
        }
        assertThat(model.charts().points(ChartData.Series.DIVERGENT_COLD)).isNotEmpty();
    }
}
