package dev.repairscope.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.sim.Durations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The staleness experiment on the real simulated cluster: the paper's published anchors, the
 * closed form for static quorums, replay by seed, remote datacenters and read repair.
 */
class StalenessExperimentTest {
    private static final List<Long> AT_COMMIT = List.of(0L);

    /** Runs and prints how long it took (wall and CPU of this thread), for the record; never asserted. */
    private static StalenessResult timed(String name, StalenessExperiment experiment) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        StalenessResult result = experiment.run();
        System.out.printf(Locale.ROOT, "%s: %,d trials in %.2f s wall, %.2f s CPU; P(consistent at t=%s) = %.4f%n", name,
                experiment.trials(), (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                Durations.format(result.points().get(0).t()), result.points().get(0).consistent());
        return result;
    }

    // ---- the paper's anchors (Bailis et al., "latency tail effects": N=3, R=W=1, A=R=S exponential mean 1 ms) --

    @Test
    void fastWritesGiveNinetyFourPercentConsistentReadsAtCommit() {
        // W rate 4/ms (mean .25 ms, a quarter of A=R=S): "a 94% chance of consistency immediately after the write"
        StalenessResult result = timed("anchor W rate 4/ms", StalenessExperiment.wars(3, 1, 1,
                LatencyProfiles.exponential(4, 1), AT_COMMIT, /* trials= */ 100_000, /* seed= */ 1));

        assertThat(result.points().get(0).reads()).isEqualTo(100_000);
        assertThat(result.points().get(0).consistent()).isCloseTo(0.94, within(0.015));
    }

    @Test
    void slowWritesGiveFortyOnePercentConsistentReadsAtCommit() {
        // W rate 0.1/ms (mean 10 ms, ten times A=R=S): "a 41% chance of consistency immediately after write"
        StalenessResult result = timed("anchor W rate 0.1/ms", StalenessExperiment.wars(3, 1, 1,
                LatencyProfiles.exponential(0.1, 1), AT_COMMIT, /* trials= */ 100_000, /* seed= */ 1));

        assertThat(result.points().get(0).reads()).isEqualTo(100_000);
        assertThat(result.points().get(0).consistent()).isCloseTo(0.41, within(0.015));
    }

    // ---- static quorums against the closed form ------------------------------------------------------

    @ParameterizedTest(name = "N=3 R={0} W={1}")
    @CsvSource({"1, 1", "1, 2", "2, 1", "2, 2"})
    void confinedWritesMatchTheClosedFormForEveryK(int r, int w) {
        StalenessExperiment experiment = StalenessExperiment.wars(3, r, w, LatencyProfiles.exponential(1, 1),
                        List.of(0L, Durations.ms(2)), /* trials= */ r + w > 3 ? 5_000 : 30_000, /* seed= */ 7)
                .withWrites(WriteScope.CONFINED).withVersions(3);

        StalenessResult result = experiment.run();

        for (StalenessResult.Point point : result.points()) {
            for (int k = 1; k <= 3; k++) {
                assertThat(point.consistentWithin(k)).as("t=%s k=%d", Durations.format(point.t()), k)
                        .isCloseTo(ClosedForm.consistentWithin(3, r, w, k), within(0.01));
            }
        }
    }

    @Test
    void writesSentToAllDoAtLeastAsWellAsTheClosedFormAndConvergeLater() {
        StalenessResult result = StalenessExperiment.wars(3, 1, 1, LatencyProfiles.exponential(0.1, 1),
                List.of(0L, Durations.ms(10), Durations.ms(100)), 10_000, 3).withVersions(2).run();

        for (StalenessResult.Point point : result.points()) {
            assertThat(point.consistentWithin(1)).isGreaterThan(result.closedForm(1) - 0.01);
            assertThat(point.consistentWithin(2)).isGreaterThanOrEqualTo(point.consistentWithin(1));
        }
        assertThat(result.points().get(2).consistent()).isGreaterThan(0.99);
        assertThat(result.writeLatency().count()).isEqualTo(20_000);
        assertThat(result.readLatency().count()).isEqualTo(30_000);
    }

    // ---- replay ----------------------------------------------------------------------------------------

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOthers() {
        StalenessExperiment experiment = StalenessExperiment.wars(3, 1, 1, LatencyProfiles.lnkdDisk(),
                List.of(0L, Durations.ms(5), Durations.ms(20)), 3_000, 42);

        StalenessResult first = experiment.run();
        StalenessResult again = experiment.run();
        StalenessResult other = experiment.withSeed(43).run();

        assertThat(again).isEqualTo(first);
        assertThat(other.points()).isNotEqualTo(first.points());
    }

    // ---- where the replicas sit ----------------------------------------------------------------------

    @Test
    void wanReadsStayAtOneInThreeUntilTheRemoteWritesArrive() {
        // one local replica per operation, the others 75 ms away: a read is consistent early only when it
        // enters at the datacenter the write entered at (1 in 3), and almost always once 75 ms have passed
        StalenessResult result = StalenessExperiment.wars(3, 1, 1, LatencyProfiles.wan(),
                List.of(0L, Durations.ms(30), Durations.ms(150)), 10_000, 5).run();

        assertThat(result.points().get(0).consistent()).isCloseTo(1.0 / 3, within(0.03));
        assertThat(result.points().get(1).consistent()).isCloseTo(1.0 / 3, within(0.03));
        assertThat(result.points().get(2).consistent()).isGreaterThan(0.995);
        assertThat(result.writeLatency().p50()).isLessThan(Durations.ms(75));
    }

    @Test
    void aRemoteReplicaAddsItsDelayToEveryLeg() {
        // constant legs of 1 ms, the third replica 40 ms further: R=W=3 takes 2 x 41 ms both ways
        LatencyProfile constant = new LatencyProfile("constant",
                Legs.of(new dev.repairscope.net.LatencyDistribution.Constant(Durations.ms(1)),
                        new dev.repairscope.net.LatencyDistribution.Constant(Durations.ms(1))),
                new Placement.RemoteReplicas(List.of(0L, 0L, Durations.ms(40))), "test");
        StalenessResult result = StalenessExperiment.wars(3, 3, 3, constant, AT_COMMIT, 10, 1).run();

        assertThat(result.writeLatency().p50()).isEqualTo(Durations.ms(82));
        assertThat(result.readLatency().p50()).isEqualTo(Durations.ms(82));
        assertThat(result.points().get(0).consistent()).isEqualTo(1.0);
    }

    // ---- with a mechanism switched on ----------------------------------------------------------------

    @Test
    void backgroundReadRepairSpreadsAWriteConfinedToOneReplica() {
        // static W=1: without repair the write never spreads and reads stay at the closed form 1/3;
        // Riak-style read repair after the read at commit brings the other two replicas up to date
        StalenessExperiment confined = StalenessExperiment.wars(3, 1, 1, LatencyProfiles.exponential(1, 1),
                List.of(0L, Durations.ms(50)), 5_000, 11).withWrites(WriteScope.CONFINED);

        StalenessResult off = confined.run();
        StalenessResult repaired = confined.withReadRepair(ReadRepairMode.BACKGROUND, 0).run();

        assertThat(off.repairWrites()).isZero();
        assertThat(off.points().get(1).consistent()).isCloseTo(1.0 / 3, within(0.03));
        assertThat(repaired.repairWrites()).isGreaterThan(5_000);
        assertThat(repaired.points().get(0).consistent()).isCloseTo(1.0 / 3, within(0.03));
        assertThat(repaired.points().get(1).consistent()).isGreaterThan(0.99);
    }

    // ---- bad settings ----------------------------------------------------------------------------------

    @Test
    void impossibleSettingsAreRefusedWithTheReason() {
        LatencyProfile ssd = LatencyProfiles.lnkdSsd();
        assertThatThrownBy(() -> StalenessExperiment.wars(3, 4, 1, ssd, AT_COMMIT, 10, 1)).hasMessageContaining("R <= N");
        assertThatThrownBy(() -> StalenessExperiment.wars(7, 1, 5, ssd, AT_COMMIT, 10, 1))
                .hasMessageContaining("no consistency level waits for exactly 5");
        assertThatThrownBy(() -> StalenessExperiment.wars(3, 1, 1, ssd, List.of(-1L), 10, 1))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> StalenessExperiment.wars(3, 1, 1, ssd, AT_COMMIT, 0, 1)).hasMessageContaining("trials");
        assertThatThrownBy(() -> StalenessExperiment.wars(3, 1, 1,
                ssd.withPlacement(new Placement.RemoteReplicas(List.of(0L, 5L))), AT_COMMIT, 10, 1))
                .hasMessageContaining("one extra delay per replica");
        assertThatThrownBy(() -> LatencyProfiles.exponential(0, 1)).hasMessageContaining("positive");
    }

    @Test
    void thePresetsAreTheOnesThePaperNames() {
        assertThat(LatencyProfiles.presetNames()).containsExactly("LNKD-SSD", "LNKD-DISK", "YMMR", "WAN");
        for (String name : LatencyProfiles.presetNames()) {
            assertThat(LatencyProfiles.preset(name.toLowerCase(Locale.ROOT))).get()
                    .extracting(LatencyProfile::name).isEqualTo(name);
        }
        assertThat(LatencyProfiles.preset("LNKD-TAPE")).isEmpty();
        // LNKD-DISK shares LNKD-SSD's A, R and S and has its own W
        assertThat(LatencyProfiles.lnkdDisk().legs().a()).isEqualTo(LatencyProfiles.lnkdSsd().legs().a());
        assertThat(LatencyProfiles.lnkdDisk().legs().w()).isNotEqualTo(LatencyProfiles.lnkdSsd().legs().w());
        assertThat(LatencyProfiles.wan().placement()).isEqualTo(new Placement.DatacenterPerReplica(Durations.ms(75)));
    }
}
