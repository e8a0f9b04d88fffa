package dev.repairscope.repair.hints;

import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.TestCluster;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle spreads a replay over time: hint bytes per second per holder. */
class HintThrottleTest {
    private static final int HINTS = 20;

    /** Stores 20 hints of exactly 64 B on the wire each, lets n2 come back, and returns the replay sends. */
    private static List<Event.MessageSent> replay(TestCluster t, HintedHandoff handoff, long runFor) {
        t.crashAndDetect("n2");
        for (int i = 0; i < HINTS; i++) {
            // 16 B of mutation header + 24 B of cell metadata + 6 B of key + 18 B of value = 64 B
            t.write("n1", String.format("key-%02d", i), String.format("value-%012d", i), ONE);
        }
        assertThat(handoff.queued("n1")).isEqualTo(HINTS);
        t.recoverAndDetect("n2");
        t.runFor(runFor);
        return t.events(Event.MessageSent.class).stream().filter(e -> e.kind().equals("hint replay")).toList();
    }

    @Test
    void at1KiBPerSecondTwentyHintsOf64BytesTakeOnePointOneEightSevenFiveSeconds() {
        TestCluster t = TestCluster.lww(3, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withThrottle(1024));
        List<Event.MessageSent> sent = replay(t, handoff, Durations.seconds(5));

        assertThat(sent).hasSize(HINTS).allSatisfy(e -> assertThat(e.bytes()).isEqualTo(64));
        assertThat(t.cluster.counters().get("handoffBytes")).isEqualTo(HINTS * 64);
        // 64 B at 1024 B/s is 62.5 ms of bandwidth: the 20th hint leaves 19 x 62.5 ms after the first
        for (int i = 1; i < HINTS; i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).isEqualTo(62_500);
        }
        assertThat(sent.get(HINTS - 1).at() - sent.get(0).at()).isEqualTo(1_187_500);
        List<Event.HintReplayed> replayed = t.events(Event.HintReplayed.class);
        assertThat(replayed).hasSize(HINTS);
        assertThat(replayed.get(HINTS - 1).at() - replayed.get(0).at()).isEqualTo(1_187_500);
        assertThat(handoff.queued("n1")).isZero();
    }

    @Test
    void halfASecondIntoTheReplayOnlyEightHintsHaveArrived() {
        TestCluster t = TestCluster.lww(3, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withThrottle(1024));
        // recoverAndDetect stops 1 ms after the first send; 499 ms more: sends at 0, 62.5, ..., 437.5 ms are acked
        replay(t, handoff, Durations.ms(499));

        assertThat(t.cluster.counters().get("hintsReplayed")).isEqualTo(8);
        assertThat(handoff.queued("n1")).isEqualTo(HINTS - 8);
        assertThat(t.cluster.storage("n2").size()).isEqualTo(8);
    }

    @Test
    void theDefaultThrottleIsAThousandTimesFaster() {
        TestCluster t = TestCluster.lww(3, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        List<Event.MessageSent> sent = replay(t, handoff, Durations.seconds(5));

        // 64 B at 1 MiB/s is 61.04 us, rounded up to 62 us
        assertThat(sent.get(HINTS - 1).at() - sent.get(0).at()).isEqualTo(19 * 62);
        assertThat(t.cluster.counters().get("hintsReplayed")).isEqualTo(HINTS);
    }

    @Test
    void unthrottledEveryHintLeavesAtOnce() {
        TestCluster t = TestCluster.lww(3, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withThrottle(0));
        List<Event.MessageSent> sent = replay(t, handoff, Durations.seconds(5));

        assertThat(sent).hasSize(HINTS).allSatisfy(e -> assertThat(e.at()).isEqualTo(sent.get(0).at()));
    }
}
