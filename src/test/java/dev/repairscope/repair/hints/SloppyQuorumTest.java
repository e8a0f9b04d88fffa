package dev.repairscope.repair.hints;

import static dev.repairscope.cluster.ConsistencyLevel.QUORUM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.HandoffHooks.Target;
import dev.repairscope.cluster.OperationResult;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.TestCluster;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dynamo/Riak sloppy quorum: three nodes, N=2, one primary down, the third node stands in. */
class SloppyQuorumTest {
    private final TestCluster t = TestCluster.lww(11, 3, 2);
    private final String key = t.keyOwnedBy("n1");
    private final List<String> order = t.cluster.ring().extendedPreferenceList(key);
    private final String coordinator = order.get(0);
    private final String downPrimary = order.get(1);
    private final String fallback = order.get(2);

    @Test
    void aQuorumWriteSucceedsThroughAFallbackThatCountsAndIsHandedBackLater() {
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withStyle(HandoffStyle.SLOPPY));
        t.crashAndDetect(downPrimary);

        OperationResult write = t.write(coordinator, key, "v", QUORUM);
        assertThat(write.outcome()).isEqualTo(Outcome.OK);
        assertThat(write.detail()).isEqualTo("2 of 2 acked");

        // the fallback keeps it apart from its own data, on behalf of the down primary
        assertThat(t.valueAt(fallback, key)).isNull();
        assertThat(handoff.hints(fallback)).singleElement().satisfies(h -> {
            assertThat(h.target()).isEqualTo(downPrimary);
            assertThat(h.fallbackData()).isTrue();
            assertThat(h.windowLeft()).isEqualTo(-1);
        });
        assertThat(handoff.queued(coordinator)).isZero();
        assertThat(t.events(Event.HintStored.class)).singleElement().satisfies(e -> {
            assertThat(e.holder()).isEqualTo(fallback);
            assertThat(e.reason()).isEqualTo(fallback + " stands in for " + downPrimary + " as a fallback (sloppy quorum)");
        });
        // reads use the fallback too, and it answers from what it keeps for the primary
        OperationResult read = t.read(coordinator, key, QUORUM);
        assertThat(read.outcome()).isEqualTo(Outcome.OK);
        assertThat(read.shownValue()).isEqualTo("v");
        assertThat(t.cluster.counters().get("digestMismatches")).isZero();

        t.recoverAndDetect(downPrimary);
        t.runFor(5_000);
        assertThat(t.valueAt(downPrimary, key)).isEqualTo("v");
        assertThat(handoff.queued(fallback)).isZero();
        assertThat(t.valueAt(fallback, key)).isNull();
        assertThat(t.cluster.counters().get("hintsReplayed")).isEqualTo(1);
        assertThat(t.events(Event.HintReplayed.class)).singleElement().satisfies(e -> {
            assertThat(e.holder()).isEqualTo(fallback);
            assertThat(e.target()).isEqualTo(downPrimary);
        });
    }

    @Test
    void withCoordinatorHintsTheSameWriteIsUnavailable() {
        new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect(downPrimary);
        assertThat(t.write(coordinator, key, "v", QUORUM).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void switchingToSloppyWhileRunningTakesEffectForTheNextWrite() {
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults());
        t.crashAndDetect(downPrimary);
        assertThat(t.write(coordinator, key, "v1", QUORUM).outcome()).isEqualTo(Outcome.UNAVAILABLE);
        handoff.update(handoff.settings().withStyle(HandoffStyle.SLOPPY));
        assertThat(t.write(coordinator, key, "v2", QUORUM).outcome()).isEqualTo(Outcome.OK);
        assertThat(t.events(Event.SettingChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.value()).startsWith("sloppy, dispatch every 10s"));
    }

    @Test
    void aNewerWriteReplacesWhatTheFallbackKeepsAndOnlyTheNewestIsHandedBack() {
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withStyle(HandoffStyle.SLOPPY));
        t.crashAndDetect(downPrimary);
        t.write(coordinator, key, "v1", QUORUM);
        t.write(coordinator, key, "v2", QUORUM);

        assertThat(t.cluster.counters().get("hintsStored")).isEqualTo(2);
        assertThat(handoff.hints(fallback)).singleElement().satisfies(h -> assertThat(h.version()).startsWith("v2@"));
        t.recoverAndDetect(downPrimary);
        t.runFor(5_000);
        assertThat(t.valueAt(downPrimary, key)).isEqualTo("v2");
        assertThat(t.cluster.counters().get("hintsReplayed")).isEqualTo(1);
        assertThat(handoff.queued(fallback)).isZero();
    }

    @Test
    void dataMergedInWhileAnOlderCopyIsOnTheWireIsHandedBackToo() {
        HintedHandoff handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withStyle(HandoffStyle.SLOPPY));
        t.crashAndDetect(downPrimary);
        t.write(coordinator, key, "v1", QUORUM);
        t.net.recover(downPrimary);
        long seenUp = t.sim.now() + TestCluster.RECOVERY; // everyone sees the primary again at this instant
        t.runFor(Durations.ms(900));
        // the coordinator still believes the primary down, so v2 goes to the fallback again, over a slow link:
        // it lands 1 ms after the fallback has started handing v1 back, before v1's ack is in
        t.net.slow(coordinator, fallback, 101);
        assertThat(t.write(coordinator, key, "v2", QUORUM).outcome()).isEqualTo(Outcome.OK);
        t.runFor(Durations.ms(50));

        assertThat(t.events(Event.HintStored.class)).extracting(Event::at).last().isEqualTo(seenUp + Durations.ms(1));
        assertThat(t.events(Event.MessageSent.class).stream().filter(e -> e.kind().equals("hint replay")))
                .extracting(Event::at).containsExactly(seenUp, seenUp + Durations.ms(2));
        assertThat(t.valueAt(downPrimary, key)).isEqualTo("v2");
        assertThat(handoff.queued(fallback)).isZero();
        assertThat(t.cluster.counters().get("hintsReplayed")).isEqualTo(1);
    }

    @Test
    void targetsAreTheFirstNLiveNodesAlongTheRingWithFallbacksNamingWhomTheyReplace() {
        List<String> ring = List.of("a", "b", "c", "d", "e");
        List<String> primaries = List.of("a", "b", "c");
        assertThat(SloppyQuorum.targets(primaries, ring, n -> !n.equals("b") && !n.equals("d")))
                .containsExactly(new Target("a", null), new Target("c", null), new Target("e", "b"));
        assertThat(SloppyQuorum.targets(primaries, ring, n -> n.equals("d") || n.equals("e")))
                .containsExactly(new Target("d", "a"), new Target("e", "b"));
    }
}
