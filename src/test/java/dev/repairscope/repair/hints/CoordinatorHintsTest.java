package dev.repairscope.repair.hints;

import static dev.repairscope.cluster.ConsistencyLevel.ANY;
import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.OperationResult;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.TestCluster;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cassandra-style hints: the timeout path, time to live, crashes of the holder, ANY, the inspector. */
class CoordinatorHintsTest {

    private static TestCluster cluster(int nodes, int rf, long gcGrace) {
        return new TestCluster(7, new ClusterConfig(nodes, rf, 1, Versioning.LWW, Map.of(), gcGrace,
                TestCluster.DETECTION, TestCluster.RECOVERY, TestCluster.WRITE_TIMEOUT, TestCluster.READ_TIMEOUT));
    }

    private static long counter(TestCluster t, String name) {
        return t.cluster.counters().get(name);
    }

    @Test
    void aBlipShorterThanTheDetectionDelayLeavesAHintThroughTheTimeoutPath() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.net.blip("n1", "n2", false, Durations.ms(1500)); // detection takes 2 s: n1 never believes n2 down

        assertThat(t.write("n1", "k", "v", ONE).outcome()).isEqualTo(Outcome.OK);
        t.runFor(TestCluster.WRITE_TIMEOUT);

        assertThat(t.events(Event.NodeMarkedDown.class)).isEmpty();
        assertThat(counter(t, "hintsStored")).isEqualTo(1);
        assertThat(t.events(Event.HintStored.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("n2 did not acknowledge within the write timeout"));
        assertThat(t.valueAt("n2", "k")).isNull();

        // n1 believed n2 up all along: the hint waits for the periodic dispatch check at 10 s
        t.sim.runUntil(Durations.seconds(10) - 1);
        assertThat(t.valueAt("n2", "k")).isNull();
        t.runFor(Durations.ms(10));
        assertThat(t.valueAt("n2", "k")).isEqualTo("v");
        assertThat(counter(t, "hintsReplayed")).isEqualTo(1);
        assertThat(handoff.queued("n1")).isZero();
        assertThat(t.events(Event.HintReplayed.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(Durations.seconds(10) + Durations.ms(2)));
    }

    @Test
    void withoutHintsTheBlippedReplicaKeepsMissingTheWrite() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        new HintedHandoff(t.cluster, HintSettings.defaults().withEnabled(false));
        t.net.blip("n1", "n2", false, Durations.ms(1500));
        t.write("n1", "k", "v", ONE);
        t.runFor(Durations.seconds(30));

        assertThat(counter(t, "hintsStored")).isZero();
        assertThat(t.valueAt("n2", "k")).isNull();
    }

    @Test
    void aHintOlderThanGcGraceIsDroppedNotApplied() {
        TestCluster t = cluster(2, 2, Durations.seconds(30));
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect("n2"); // t = 2 s
        for (int i = 0; i < 5; i++) {
            t.write("n1", "early" + i, "e", ONE);
        }
        t.sim.runUntil(Durations.seconds(27));
        for (int i = 0; i < 5; i++) {
            t.write("n1", "late" + i, "l", ONE);
        }
        // the dispatch check at 40 s finds the early hints 38 s old, past gc_grace (30 s); the late ones 13 s old
        t.sim.runUntil(Durations.seconds(45));

        assertThat(counter(t, "hintsDroppedExpired")).isEqualTo(5);
        assertThat(handoff.hints("n1")).extracting(HintView::key)
                .containsExactly("late0", "late1", "late2", "late3", "late4");
        assertThat(t.events(Event.HintDropped.class)).hasSize(5).allSatisfy(e -> {
            assertThat(e.at()).isEqualTo(Durations.seconds(40));
            assertThat(e.key()).startsWith("early");
            assertThat(e.reason()).contains("past its time to live (gc_grace 30s)");
        });

        t.net.recover("n2");
        t.runFor(Durations.seconds(5));
        assertThat(counter(t, "hintsReplayed")).isEqualTo(5);
        assertThat(t.cluster.storage("n2").rows().keySet())
                .containsExactly("late0", "late1", "late2", "late3", "late4");
    }

    @Test
    void aHolderThatKeepsHintsOnlyInMemoryLosesThemWhenItCrashes() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withKeepHintsOnCrash(false));
        t.crashAndDetect("n2");
        for (int i = 0; i < 10; i++) {
            t.write("n1", "k" + i, "v", ONE);
        }
        assertThat(handoff.queued("n1")).isEqualTo(10);

        t.net.crash("n1");
        assertThat(counter(t, "hintsLost")).isEqualTo(10);
        assertThat(handoff.queued("n1")).isZero();
        assertThat(t.events(Event.HintDropped.class)).hasSize(10)
                .allSatisfy(e -> assertThat(e.reason()).startsWith("n1 crashed and kept its hints only in memory"));

        t.net.recover("n1");
        t.net.recover("n2");
        t.runFor(Durations.seconds(30));
        assertThat(counter(t, "hintsReplayed")).isZero();
        assertThat(t.cluster.storage("n2").size()).isZero();
    }

    @Test
    void hintsOnDiskSurviveTheHoldersCrashAndAreReplayedAfterItRecovers() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect("n2");
        for (int i = 0; i < 10; i++) {
            t.write("n1", "k" + i, "v", ONE);
        }
        t.net.crash("n1");
        t.net.recover("n2");
        t.runFor(Durations.seconds(30)); // n2 is back, but the holder is down: nothing moves
        assertThat(handoff.queued("n1")).isEqualTo(10);
        assertThat(t.cluster.storage("n2").size()).isZero();

        t.net.recover("n1");
        t.runFor(Durations.seconds(30));
        assertThat(counter(t, "hintsLost")).isZero();
        assertThat(counter(t, "hintsReplayed")).isEqualTo(10);
        assertThat(handoff.queued("n1")).isZero();
        assertThat(t.cluster.storage("n2").size()).isEqualTo(10);
    }

    @Test
    void anyWithEveryReplicaDownSucceedsByAHintAlone() {
        TestCluster t = TestCluster.lww(7, 3, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        String key = t.keyOwnedBy("n2");
        List<String> replicas = t.cluster.ring().replicasFor(key);
        String coordinator = t.cluster.nodes().stream().filter(n -> !replicas.contains(n)).findFirst().orElseThrow();
        replicas.forEach(t.net::crash);
        t.runFor(TestCluster.DETECTION + Durations.ms(1));

        assertThat(t.write(coordinator, key, "v", ONE).outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(counter(t, "hintsStored")).isZero();

        OperationResult any = t.write(coordinator, key, "v", ANY);
        assertThat(any.outcome()).isEqualTo(Outcome.OK);
        assertThat(any.latency()).isZero();
        assertThat(counter(t, "hintsStored")).isEqualTo(2);
        assertThat(handoff.hints(coordinator)).extracting(HintView::target).containsExactlyElementsOf(replicas);
        assertThat(t.cluster.nodes()).allSatisfy(n -> assertThat(t.valueAt(n, key)).isNull());

        replicas.forEach(t.net::recover);
        t.runFor(TestCluster.RECOVERY + Durations.ms(10));
        assertThat(replicas).allSatisfy(n -> assertThat(t.valueAt(n, key)).isEqualTo("v"));
        assertThat(counter(t, "hintsReplayed")).isEqualTo(2);
        assertThat(handoff.queued(coordinator)).isZero();
    }

    @Test
    void theInspectorShowsAgeAndTheWindowCountingDown() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withWindow(Durations.parse("1h")));
        t.crashAndDetect("n2"); // n1 has believed n2 down for 1 ms
        OperationResult write = t.write("n1", "k", "v", ONE);
        t.runFor(Durations.parse("10m"));

        HintView view = handoff.hints("n1").get(0);
        assertThat(view.holder()).isEqualTo("n1");
        assertThat(view.target()).isEqualTo("n2");
        assertThat(view.key()).isEqualTo("k");
        assertThat(view.version()).isEqualTo(write.cells().get(0).label());
        assertThat(view.age()).isEqualTo(Durations.parse("10m"));
        assertThat(view.windowLeft()).isEqualTo(Durations.parse("50m") - Durations.ms(1));
        assertThat(view.fallbackData()).isFalse();
    }

    @Test
    void switchedOffHintsAlreadyStoredAreStillDelivered() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect("n2");
        t.write("n1", "before", "v", ONE);
        handoff.update(handoff.settings().withEnabled(false));
        t.write("n1", "after", "v", ONE);
        assertThat(handoff.queued("n1")).isEqualTo(1);

        t.recoverAndDetect("n2");
        t.runFor(Durations.ms(10));
        assertThat(t.cluster.storage("n2").rows().keySet()).containsExactly("before");
        assertThat(t.events(Event.SettingChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.setting()).isEqualTo("hintedHandoff");
            assertThat(e.value()).isEqualTo("off (stored hints are still delivered)");
        });
    }

    @Test
    void aLostAckMeansTheHintIsDeliveredAgain() {
        TestCluster t = TestCluster.lww(7, 2, 2);
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect("n2");
        t.write("n1", "k", "v", ONE);
        t.net.addFilter(new dev.repairscope.net.MessageFilter("drop first hint ack",
                java.util.Set.of(dev.repairscope.net.MessageKind.HINT_ACK), null, null, 1.0, 1));
        t.recoverAndDetect("n2");
        t.runFor(Durations.ms(10));
        assertThat(t.valueAt("n2", "k")).isEqualTo("v"); // applied, but n1 does not know
        assertThat(handoff.queued("n1")).isEqualTo(1);

        t.runFor(Durations.seconds(20)); // the ack times out; the next dispatch check sends it again
        assertThat(handoff.queued("n1")).isZero();
        assertThat(counter(t, "hintsReplayed")).isEqualTo(1);
        assertThat(t.events(Event.ReplicaApplied.class).stream().filter(e -> e.node().equals("n2")))
                .hasSize(2).extracting(Event.ReplicaApplied::changed).containsExactly(true, false);
    }
}
