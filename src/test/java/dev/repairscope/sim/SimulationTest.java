package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private final Simulation sim = new Simulation(1);
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + sim.now());
    }

    @Test
    void eventsRunByTimeThenInSchedulingOrderOnTies() {
        sim.at(30, note("c"));
        sim.at(10, note("a1"));
        sim.at(20, note("b"));
        sim.at(10, note("a2"));
        sim.after(0, note("zero"));
        sim.at(10, note("a3"));

        sim.runUntil(100);

        assertThat(log).containsExactly("zero@0", "a1@10", "a2@10", "a3@10", "b@20", "c@30");
    }

    @Test
    void actionScheduledForNowRunsAfterEverythingAlreadyDueNow() {
        sim.at(10, () -> {
            log.add("first@" + sim.now());
            sim.after(0, note("scheduled-by-first"));
        });
        sim.at(10, note("second"));

        sim.runUntil(10);

        assertThat(log).containsExactly("first@10", "second@10", "scheduled-by-first@10");
    }

    @Test
    void stepRunsExactlyOneActionAndAdvancesTheClockToIt() {
        sim.at(50, note("a"));
        sim.at(50, note("b"));
        sim.at(70, note("c"));

        assertThat(sim.step()).isTrue();

        assertThat(log).containsExactly("a@50");
        assertThat(sim.now()).isEqualTo(50);
        assertThat(sim.stepsRun()).isEqualTo(1);
        assertThat(sim.nextEventTime()).isEqualTo(50);
    }

    @Test
    void stepOnAnEmptyQueueReturnsFalseAndKeepsTheClock() {
        sim.runUntil(40);

        assertThat(sim.step()).isFalse();
        assertThat(sim.now()).isEqualTo(40);
        assertThat(sim.nextEventTime()).isEqualTo(-1);
    }

    @Test
    void runUntilRunsEverythingAtOrBeforeTheLimitAndSetsNowToIt() {
        sim.at(100, note("a"));
        sim.at(200, note("b"));
        sim.at(201, note("c"));

        sim.runUntil(200); // 200: exactly the time of "b"

        assertThat(log).containsExactly("a@100", "b@200");
        assertThat(sim.now()).isEqualTo(200);
        assertThat(sim.nextEventTime()).isEqualTo(201);
        assertThat(sim.stepsRun()).isEqualTo(2);
    }

    @Test
    void runUntilAlsoRunsActionsScheduledDuringTheRunWithinTheLimit() {
        sim.at(100, () -> {
            log.add("a@" + sim.now());
            sim.after(50, note("chained")); // lands at 150, inside the limit
            sim.after(500, note("late")); // lands at 600, beyond it
        });

        sim.runUntil(200);

        assertThat(log).containsExactly("a@100", "chained@150");
        assertThat(sim.now()).isEqualTo(200);
    }

    @Test
    void runUntilAnEarlierTimeNeverMovesTheClockBack() {
        sim.runUntil(500);
        sim.runUntil(100);

        assertThat(sim.now()).isEqualTo(500);
    }

    @Test
    void cancelledTimersAreSkipped() {
        Simulation.Timer doomed = sim.at(10, note("doomed"));
        sim.at(20, note("kept"));
        doomed.cancel();

        assertThat(doomed.cancelled()).isTrue();
        assertThat(sim.nextEventTime()).isEqualTo(20);
        assertThat(sim.step()).isTrue();
        assertThat(log).containsExactly("kept@20");
        assertThat(sim.step()).isFalse();
        assertThat(sim.stepsRun()).isEqualTo(1);
    }

    /** Timeouts armed and cancelled by the thousand (what every operation does) do not pile up in the queue. */
    @Test
    void cancelledTimersAreSweptOutOnceTheyOutnumberTheLiveOnes() {
        for (int i = 0; i < 1_000; i++) {
            sim.at(1_000 + i, note("live" + i));
        }
        List<Simulation.Timer> timeouts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            timeouts.add(sim.at(5_000 + i, note("timeout" + i)));
        }
        for (int i = 0; i < 10_000; i++) {
            timeouts.get(i).cancel();
            timeouts.get(i).cancel(); // twice: counted once
            int live = 1_000 + 10_000 - (i + 1);
            int dead = sim.pending() - live;
            assertThat(dead).isBetween(0, Math.max(64, live) + 1); // never more dead timers than live ones
        }
        assertThat(sim.pending()).isLessThanOrEqualTo(2_001); // without the sweep: 11,000
        sim.runUntil(100_000);
        assertThat(log).hasSize(1_000).allMatch(entry -> entry.startsWith("live"));
        assertThat(log.get(0)).isEqualTo("live0@1000");
        assertThat(log.get(999)).isEqualTo("live999@1999");
        assertThat(sim.pending()).isZero();
    }

    /** A timer cancelled after it ran leaves nothing in the queue to count. */
    @Test
    void cancellingATimerThatAlreadyRanChangesNothing() {
        List<Simulation.Timer> ran = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ran.add(sim.at(i, note("t" + i)));
        }
        sim.runUntil(1_000);
        ran.forEach(Simulation.Timer::cancel);
        List<Simulation.Timer> later = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            later.add(sim.at(2_000 + i, note("later" + i)));
        }
        for (int i = 0; i < 60; i++) {
            later.get(i).cancel();
        }
        assertThat(sim.pending()).isEqualTo(100); // 60 dead timers wait: too few to sweep (had the 200 counted, they would be gone)
        sim.runUntil(3_000);
        assertThat(log).hasSize(240);
    }

    @Test
    void schedulingInThePastIsRejected() {
        sim.runUntil(100);

        assertThatThrownBy(() -> sim.at(50, note("past")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time 50 is in the past (now 100)");
        assertThatThrownBy(() -> sim.after(-1, note("negative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative delay: -1");
        assertThat(sim.nextEventTime()).isEqualTo(-1);
    }

    @Test
    void schedulingAtExactlyNowIsAllowed() {
        sim.runUntil(100);
        sim.at(100, note("now"));

        sim.runUntil(100);

        assertThat(log).containsExactly("now@100");
    }

    @Test
    void recordAppendsToTheJournal() {
        sim.runUntil(7);
        sim.record(new Event.Caption(sim.now(), "hello"));

        assertThat(sim.journal().events()).containsExactly(new Event.Caption(7, "hello"));
    }
}
