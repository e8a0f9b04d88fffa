package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {

    /** A little run: a few timers whose times and texts come from the seeded source. */
    private static Journal run(long seed, String oddCaption) {
        Simulation sim = new Simulation(seed);
        RandomSource.Stream r = sim.random().stream("test.run");
        for (int i = 0; i < 20; i++) {
            int n = i;
            sim.after(r.uniform(0, 1_000), () -> sim.record(new Event.Caption(sim.now(),
                    n == 13 && oddCaption != null ? oddCaption : "step " + n)));
        }
        sim.runUntil(2_000);
        return sim.journal();
    }

    @Test
    void twoIdenticalRunsHaveEqualDigests() {
        Journal a = run(99, null);
        Journal b = run(99, null);

        assertThat(a.size()).isEqualTo(20);
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.digest()).isEqualTo(b.digest()).hasSize(64);
    }

    @Test
    void oneDifferentEventChangesTheDigest() {
        assertThat(run(99, "something else").digest()).isNotEqualTo(run(99, null).digest());
    }

    @Test
    void anotherSeedChangesTheDigest() {
        assertThat(run(100, null).digest()).isNotEqualTo(run(99, null).digest());
    }

    @Test
    void eventOrderMattersToTheDigest() {
        Journal ab = new Journal();
        ab.append(new Event.Caption(1, "a"));
        ab.append(new Event.Caption(1, "b"));
        Journal ba = new Journal();
        ba.append(new Event.Caption(1, "b"));
        ba.append(new Event.Caption(1, "a"));

        assertThat(ab.digest()).isNotEqualTo(ba.digest());
    }

    @Test
    void emptyJournalDigestIsSha256OfNothing() {
        assertThat(new Journal().digest())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void subscribersSeeEveryLaterEventInOrder() {
        Journal journal = new Journal();
        journal.append(new Event.Caption(0, "before"));
        List<String> seen = new ArrayList<>();
        journal.subscribe(e -> seen.add(e.describe()));
        journal.append(new Event.Caption(1, "one"));
        journal.append(new Event.NodeCrashed(2, "n2"));

        assertThat(seen).containsExactly("one", "n2 crashed: it answers nothing until it recovers");
    }
}
