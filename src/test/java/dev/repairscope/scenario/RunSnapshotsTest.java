package dev.repairscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where snapshots are taken, which one a seek picks, thinning when full, forgetting a branched future. */
class RunSnapshotsTest {
    private Scenario scenario;

    @BeforeEach
    void load() throws Exception {
        scenario = new ScenarioLoader().load(Path.of("scenarios/quorum-no-stale.json"));
    }

    private ScenarioRun playWith(RunSnapshots snapshots, long steps) {
        ScenarioRun run = new ScenarioRun(scenario, scenario.seed());
        while (run.sim().stepsRun() < steps && run.sim().step()) {
            snapshots.offer(run, 0);
        }
        return run;
    }

    @Test
    void takesOneEveryIntervalStepsAndPicksTheLatestBeforeTheTarget() {
        RunSnapshots snapshots = new RunSnapshots(1_000, 100);
        ScenarioRun run = playWith(snapshots, 10_500);

        assertThat(snapshots.size()).isEqualTo(10);
        RunSnapshots.Snapshot s = snapshots.atOrBefore(run.sim().now());
        assertThat(s.steps()).isEqualTo(10_000);
        RunSnapshots.Snapshot early = snapshots.atOrBefore(snapshots.atOrBefore(run.sim().now()).time() - 1);
        assertThat(early.time()).isLessThan(s.time());
        assertThat(snapshots.atOrBefore(0)).as("nothing before the first one").isNull();
        assertThat(snapshots.beforeJournalSize(s.journalSize()).journalSize()).isLessThan(s.journalSize());
    }

    @Test
    void aThawedSnapshotIsTheRunAsItWasAndCanBeThawedAgain() {
        RunSnapshots snapshots = new RunSnapshots(2_000, 100);
        ScenarioRun run = playWith(snapshots, 4_100);
        RunSnapshots.Snapshot s = snapshots.atOrBefore(run.sim().now());

        ScenarioRun first = s.thaw();
        first.runToEnd();
        ScenarioRun second = s.thaw();

        assertThat(second.sim().stepsRun()).isEqualTo(s.steps());
        assertThat(second.sim().journal().size()).isEqualTo(s.journalSize());
        assertThat(second.runToEnd().traceDigest()).isEqualTo(first.report().traceDigest())
                .isEqualTo(new ScenarioRun(scenario, scenario.seed()).runToEnd().traceDigest());
    }

    @Test
    void whenFullEveryOtherOneGoesAndTheSpacingDoubles() {
        RunSnapshots snapshots = new RunSnapshots(500, 4);
        playWith(snapshots, 2_600);

        assertThat(snapshots.interval()).isEqualTo(1_000);
        assertThat(snapshots.size()).isLessThanOrEqualTo(4);
        assertThat(snapshots.atOrBefore(Long.MAX_VALUE).steps()).isEqualTo(2_500);
    }

    @Test
    void aBranchForgetsTheFutureFromThatStep() {
        RunSnapshots snapshots = new RunSnapshots(1_000, 100);
        playWith(snapshots, 5_500);

        snapshots.forgetFrom(3_000);

        assertThat(snapshots.size()).isEqualTo(2);
        assertThat(snapshots.atOrBefore(Long.MAX_VALUE).steps()).isEqualTo(2_000);
    }

    @Test
    void refusesAnImpossibleSpacing() {
        assertThatThrownBy(() -> new RunSnapshots(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunSnapshots(10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
