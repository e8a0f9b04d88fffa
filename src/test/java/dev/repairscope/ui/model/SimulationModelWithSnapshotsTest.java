package dev.repairscope.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.RunSnapshots;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every model test again, with a snapshot every 40 steps and at most six kept (so thinning happens
 * too); and on a busy workload (400 operations a second, faults, three mechanisms) going back from
 * a snapshot must land on exactly the state a replay from the seed reaches.
 */
class SimulationModelWithSnapshotsTest extends SimulationModelTest {
    private Scenario busy;
    private SimulationModel busyModel;

    @Override
    SimulationModel newModel(LongSupplier nanoClock) {
        return new SimulationModel(nanoClock, new RunSnapshots(40, 6));
    }

    @BeforeEach
    void loadBusy() throws Exception {
        busy = new ScenarioLoader().load(Path.of("scenarios/quorum-no-stale.json"));
        busyModel = new SimulationModel(clock::get, new RunSnapshots(2_000, 8));
        busyModel.load(busy);
    }

    private String freshBusyRunTo(long time) {
        ScenarioRun run = new ScenarioRun(busy, busy.seed());
        run.sim().runUntil(time);
        return fingerprint(run);
    }

    @Test
    void seekingBackStartsFromASnapshotAndMatchesAFreshRun() {
        busyModel.seek(Durations.seconds(30));
        busyModel.finishPending();
        for (long t : new long[] {27, 20, 9, 24, 2}) {
            busyModel.seek(Durations.seconds(t));
            busyModel.finishPending();
            assertThat(fingerprint(busyModel.run())).as("at %d s", t).isEqualTo(freshBusyRunTo(Durations.seconds(t)));
        }
        assertThat(busyModel.restoredFromSnapshots()).as("seeks that started from a snapshot").isGreaterThanOrEqualTo(4);
    }

    @Test
    void steppingBackAcrossSnapshotsMatchesAModelWithoutThem() {
        SimulationModel plain = new SimulationModel(clock::get);
        plain.load(busy);
        for (SimulationModel m : new SimulationModel[] {busyModel, plain}) {
            m.seek(Durations.seconds(6));
            m.finishPending();
            new RunCommands(m).crash("n2");
            m.seek(Durations.seconds(7));
            m.finishPending();
        }
        for (int i = 0; i < 150; i++) {
            busyModel.stepBack();
            busyModel.finishPending();
            plain.stepBack();
            plain.finishPending();
            assertThat(fingerprint(busyModel.run())).as("step back %d", i + 1).isEqualTo(fingerprint(plain.run()));
        }
        assertThat(busyModel.restoredFromSnapshots()).isPositive();
        assertThat(busyModel.run().cluster().network().isUp("n2")).as("still after the crash at 6 s").isFalse();
    }
}
