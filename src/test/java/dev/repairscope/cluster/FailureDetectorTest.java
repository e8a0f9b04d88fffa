package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.net.Network;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureDetectorTest {

    private static final long DETECTION = Durations.seconds(2);
    private static final long RECOVERY = Durations.seconds(1);

    private final Simulation sim = new Simulation(1);
    private final Network net = new Network(sim, List.of("n1", "n2", "n3"));
    private final FailureDetector fd = new FailureDetector(sim, net, DETECTION, RECOVERY);

    private List<Event> beliefEvents() {
        return sim.journal().events().stream()
                .filter(e -> e instanceof Event.NodeMarkedDown || e instanceof Event.NodeMarkedUp).toList();
    }

    @Test
    void crashedNodeIsBelievedDownOnlyAfterTheDetectionDelay() {
        net.crash("n3");

        sim.runUntil(DETECTION - 1);
        assertThat(fd.believesUp("n1", "n3")).isTrue();
        assertThat(fd.believesUp("n2", "n3")).isTrue();

        sim.runUntil(DETECTION);
        assertThat(fd.believesUp("n1", "n3")).isFalse();
        assertThat(fd.believesUp("n2", "n3")).isFalse();
        assertThat(fd.believesUp("n1", "n2")).isTrue();
        // n3 is down: it forms no opinions while it is
        assertThat(beliefEvents()).containsExactly(
                new Event.NodeMarkedDown(2_000_000, "n1", "n3"),
                new Event.NodeMarkedDown(2_000_000, "n2", "n3"));
    }

    @Test
    void shortBlipProducesNoMarkDown() {
        net.blip("n1", "n2", false, Durations.ms(1_500)); // 1.5 s < 2 s detection

        sim.runUntil(Durations.seconds(20));

        assertThat(beliefEvents()).isEmpty();
        assertThat(fd.believesUp("n1", "n2")).isTrue();
        assertThat(fd.believesUp("n2", "n1")).isTrue();
    }

    @Test
    void blipLongerThanTheDetectionDelayMarksDownThenUpAfterTheRecoveryDelay() {
        net.blip("n1", "n2", false, Durations.seconds(3)); // 3 s > 2 s detection

        sim.runUntil(Durations.seconds(20));

        assertThat(beliefEvents()).containsExactlyInAnyOrder(
                new Event.NodeMarkedDown(2_000_000, "n1", "n2"),
                new Event.NodeMarkedDown(2_000_000, "n2", "n1"),
                new Event.NodeMarkedUp(4_000_000, "n1", "n2"), // healed at 3 s + recovery 1 s
                new Event.NodeMarkedUp(4_000_000, "n2", "n1"));
    }

    @Test
    void recoveredNodeIsBelievedUpAfterTheRecoveryDelay() {
        net.crash("n2");
        sim.runUntil(Durations.seconds(5));
        net.recover("n2");

        sim.runUntil(Durations.seconds(5) + RECOVERY - 1);
        assertThat(fd.believesUp("n1", "n2")).isFalse();

        sim.runUntil(Durations.seconds(5) + RECOVERY);
        assertThat(fd.believesUp("n1", "n2")).isTrue();
        assertThat(fd.believesUp("n3", "n2")).isTrue();
        assertThat(beliefEvents()).filteredOn(e -> e instanceof Event.NodeMarkedUp).containsExactly(
                new Event.NodeMarkedUp(6_000_000, "n1", "n2"),
                new Event.NodeMarkedUp(6_000_000, "n3", "n2"));
    }

    @Test
    void crashAndRecoveryWithinTheDetectionDelayGoUnnoticed() {
        net.crash("n2");
        sim.runUntil(Durations.seconds(1));
        net.recover("n2");
        sim.runUntil(Durations.seconds(10));

        assertThat(beliefEvents()).isEmpty();
    }

    @Test
    void oneWayCutMisleadsOnlyTheNodeThatStopsHearingHeartbeats() {
        net.cut("n1", "n2", true); // n1 -> n2 lost: n2 no longer hears n1's heartbeats

        sim.runUntil(Durations.seconds(10));

        assertThat(fd.believesUp("n2", "n1")).isFalse();
        assertThat(fd.believesUp("n1", "n2")).isTrue();
        assertThat(beliefEvents()).containsExactly(new Event.NodeMarkedDown(2_000_000, "n2", "n1"));
    }

    @Test
    void heartbeatsMustFailContinuouslyForTheWholeDetectionDelay() {
        net.cut("n1", "n2", false);
        sim.runUntil(Durations.seconds(1));
        net.heal("n1", "n2", false);
        sim.runUntil(Durations.ms(1_500));
        net.cut("n1", "n2", false); // the clock starts again at 1.5 s

        sim.runUntil(Durations.seconds(10));

        assertThat(beliefEvents()).containsExactlyInAnyOrder(
                new Event.NodeMarkedDown(3_500_000, "n1", "n2"),
                new Event.NodeMarkedDown(3_500_000, "n2", "n1"));
    }

    @Test
    void anUnrelatedCrashDoesNotPostponeDetection() {
        net.crash("n3");
        sim.runUntil(Durations.seconds(1));
        net.crash("n2"); // 1 s later: must not restart the clock on n3

        sim.runUntil(Durations.seconds(10));

        // n2 is itself down by the time it would have noticed n3, so it forms no opinion
        assertThat(beliefEvents()).containsExactly(
                new Event.NodeMarkedDown(2_000_000, "n1", "n3"),
                new Event.NodeMarkedDown(3_000_000, "n1", "n2"));
    }

    @Test
    void anUnrelatedRecoveryDoesNotPostponeRecognition() {
        net.crash("n2");
        net.crash("n3");
        sim.runUntil(Durations.seconds(5));
        net.recover("n2");
        sim.runUntil(Durations.ms(5_500));
        net.recover("n3"); // 0.5 s later: must not restart the clock on n2

        sim.runUntil(Durations.seconds(10));

        // n2 and n3 crashed together, so neither ever believed the other down
        assertThat(beliefEvents()).filteredOn(e -> e instanceof Event.NodeMarkedUp).containsExactly(
                new Event.NodeMarkedUp(6_000_000, "n1", "n2"),
                new Event.NodeMarkedUp(6_500_000, "n1", "n3"));
    }

    @Test
    void aNodeAlwaysBelievesItselfUp() {
        net.crash("n1");
        sim.runUntil(Durations.seconds(10));

        assertThat(fd.believesUp("n1", "n1")).isTrue();
    }

    @Test
    void beliefListenersHearEveryChangeOfMind() {
        List<String> heard = new ArrayList<>();
        fd.addBeliefListener((observer, target, up) -> heard.add(observer + (up ? " up " : " down ") + target));
        net.blip("n1", "n3", true, Durations.seconds(3)); // one way, 3 s

        sim.runUntil(Durations.seconds(10));

        assertThat(heard).containsExactly("n3 down n1", "n3 up n1");
    }
}
