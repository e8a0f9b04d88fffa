package dev.repairscope.repair.hints;

import static dev.repairscope.cluster.ConsistencyLevel.ONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cluster.OperationResult;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.TestCluster;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import org.junit.jupiter.api.Test;

/**
 * REFERENCE.md behaviour 2, as Cassandra's hintedhandoff dtests run it: two nodes, N=2. Stop n2
 * (and wait until n1 notices), write 100 keys at ONE through n1, restart n2, wait for the hint
 * replay, stop n1; then a read at ONE from n2 shows what the hints brought over.
 */
class HintedHandoffReplayTest {
    private static final int KEYS = 100;

    private TestCluster t;
    private HintedHandoff handoff;
    private long restartedAt;

    /** Runs behaviour 2 and returns how many of the 100 keys n2 alone serves at ONE. */
    private int behaviour2(HintSettings settings, long outageBeforeWrites) {
        t = TestCluster.lww(42, 2, 2);
        handoff = new HintedHandoff(t.cluster, settings);
        t.crashAndDetect("n2");
        t.runFor(outageBeforeWrites);
        for (int i = 0; i < KEYS; i++) {
            assertThat(t.write("n1", "key" + i, "value" + i, ONE).outcome()).isEqualTo(Outcome.OK);
        }
        restartedAt = t.sim.now();
        t.net.recover("n2");
        t.runFor(Durations.seconds(30)); // "Finished hinted handoff"
        t.crashAndDetect("n1");
        return foundOnN2();
    }

    private int foundOnN2() {
        int found = 0;
        for (int i = 0; i < KEYS; i++) {
            OperationResult read = t.read("n2", "key" + i, ONE);
            assertThat(read.outcome()).isEqualTo(Outcome.OK);
            if (read.shownValue().equals("value" + i)) {
                found++;
            }
        }
        return found;
    }

    private long counter(String name) {
        return t.cluster.counters().get(name);
    }

    @Test
    void withHintsOnN2ServesAllHundredKeysAfterTheReplay() {
        assertThat(behaviour2(HintSettings.defaults(), 0)).isEqualTo(KEYS);

        assertThat(counter("hintsStored")).isEqualTo(KEYS);
        assertThat(counter("hintsReplayed")).isEqualTo(KEYS);
        assertThat(counter("hintsDroppedWindow")).isZero();
        assertThat(handoff.queued("n1")).isZero();
        assertThat(t.events(Event.HintStored.class)).allSatisfy(e -> {
            assertThat(e.holder()).isEqualTo("n1");
            assertThat(e.target()).isEqualTo("n2");
            assertThat(e.reason()).isEqualTo("n1 believes n2 is down");
        });
        // replay starts when n1's failure detector sees n2 alive again, not before
        long seenUp = restartedAt + t.config.recoveryDelay();
        assertThat(t.events(Event.HintReplayed.class)).hasSize(KEYS)
                .allSatisfy(e -> assertThat(e.at()).isGreaterThan(seenUp));
        assertThat(t.events(Event.MessageSent.class).stream().filter(e -> e.kind().equals("hint replay")).count())
                .isEqualTo(KEYS);
    }

    @Test
    void withHintsOffN2ServesNone() {
        assertThat(behaviour2(HintSettings.defaults().withEnabled(false), 0)).isZero();

        assertThat(counter("hintsStored")).isZero();
        assertThat(counter("hintsReplayed")).isZero();
        assertThat(t.cluster.storage("n2").size()).isZero();
    }

    @Test
    void withAWindowShorterThanTheOutageN2ServesNone() {
        // window 1 min; n1 has believed n2 down for 2 min when the writes arrive
        HintSettings settings = HintSettings.defaults().withWindow(Durations.seconds(60));
        assertThat(behaviour2(settings, Durations.seconds(120))).isZero();

        assertThat(counter("hintsStored")).isZero();
        assertThat(counter("hintsDroppedWindow")).isEqualTo(KEYS);
        assertThat(t.events(Event.HintDropped.class)).hasSize(KEYS)
                .allSatisfy(e -> assertThat(e.reason()).contains("longer than the hint window of 60s"));
    }

    @Test
    void theWindowStopsNewHintsButThoseWrittenWithinItAreStillReplayed() {
        t = TestCluster.lww(42, 2, 2);
        handoff = new HintedHandoff(t.cluster, HintSettings.defaults().withWindow(Durations.seconds(60)));
        t.crashAndDetect("n2");
        t.runFor(Durations.seconds(30)); // down 30 s: inside the window
        for (int i = 0; i < 50; i++) {
            t.write("n1", "key" + i, "value" + i, ONE);
        }
        t.runFor(Durations.seconds(40)); // down 70 s: past it
        for (int i = 50; i < KEYS; i++) {
            t.write("n1", "key" + i, "value" + i, ONE);
        }
        assertThat(handoff.hints("n1")).hasSize(50)
                .allSatisfy(h -> assertThat(h.windowLeft()).isZero());
        t.net.recover("n2");
        t.runFor(Durations.seconds(30));

        assertThat(counter("hintsStored")).isEqualTo(50);
        assertThat(counter("hintsDroppedWindow")).isEqualTo(50);
        assertThat(counter("hintsReplayed")).isEqualTo(50);
        assertThat(t.cluster.storage("n2").rows().keySet())
                .hasSize(50).allSatisfy(k -> assertThat(Integer.parseInt(k.substring(3))).isLessThan(50));
    }

    @Test
    void theSameSeedGivesTheSameJournal() {
        behaviour2(HintSettings.defaults(), 0);
        String first = t.sim.journal().digest();
        int size = t.sim.journal().size();
        behaviour2(HintSettings.defaults(), 0);
        assertThat(t.sim.journal().size()).isEqualTo(size);
        assertThat(t.sim.journal().digest()).isEqualTo(first);
    }
}
