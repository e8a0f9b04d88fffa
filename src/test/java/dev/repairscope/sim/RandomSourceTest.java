package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomSourceTest {

    private static long[] draws(RandomSource.Stream stream, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = stream.uniform(0, 1_000_000_000L);
        }
        return values;
    }

    @Test
    void sameSeedAndNameGiveTheSameDraws() {
        long[] a = draws(new RandomSource(42).stream("net.latency"), 100);
        long[] b = draws(new RandomSource(42).stream("net.latency"), 100);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void sameNameReturnsTheSameStreamSoDrawsContinue() {
        RandomSource source = new RandomSource(42);
        long first = source.stream("x").uniform(0, Long.MAX_VALUE);
        long second = source.stream("x").uniform(0, Long.MAX_VALUE);

        RandomSource fresh = new RandomSource(42);
        RandomSource.Stream one = fresh.stream("x");

        assertThat(source.stream("x")).isSameAs(source.stream("x"));
        assertThat(new long[] {first, second})
                .isEqualTo(new long[] {one.uniform(0, Long.MAX_VALUE), one.uniform(0, Long.MAX_VALUE)});
    }

    @Test
    void drawsFromOneStreamDoNotShiftAnother() {
        RandomSource busy = new RandomSource(7);
        draws(busy.stream("workload.keys"), 1_000); // 1000 extra draws on another stream first
        long[] afterOthers = draws(busy.stream("net.loss"), 50);

        long[] alone = draws(new RandomSource(7).stream("net.loss"), 50);

        assertThat(afterOthers).isEqualTo(alone);
    }

    @Test
    void differentNamesGiveDifferentDraws() {
        RandomSource source = new RandomSource(7);

        assertThat(draws(source.stream("net.latency"), 20)).isNotEqualTo(draws(source.stream("net.loss"), 20));
    }

    @Test
    void differentSeedsGiveDifferentDraws() {
        assertThat(draws(new RandomSource(1).stream("net.latency"), 20))
                .isNotEqualTo(draws(new RandomSource(2).stream("net.latency"), 20));
    }

    @Test
    void uniformStaysWithinItsHalfOpenBoundsAndDegeneratesToMin() {
        RandomSource.Stream s = new RandomSource(3).stream("u");
        boolean sawMin = false;
        boolean sawTopmost = false;
        for (int i = 0; i < 10_000; i++) {
            long v = s.uniform(10, 13); // [10, 13): 10, 11 or 12
            assertThat(v).isBetween(10L, 12L);
            sawMin |= v == 10;
            sawTopmost |= v == 12;
        }
        assertThat(sawMin).isTrue();
        assertThat(sawTopmost).isTrue();
        assertThat(s.uniform(5, 5)).isEqualTo(5);
        assertThat(s.uniform(9, 3)).isEqualTo(9);
    }

    @Test
    void decideHonoursItsChance() {
        RandomSource.Stream s = new RandomSource(11).stream("d");
        int yes = 0;
        for (int i = 0; i < 100_000; i++) {
            if (s.decide(0.3)) {
                yes++;
            }
        }
        assertThat(yes).as("seed 11: 30%% of 100000").isBetween(29_400, 30_600);
        for (int i = 0; i < 1_000; i++) {
            assertThat(s.decide(0)).isFalse();
            assertThat(s.decide(1)).isTrue();
        }
    }

    @Test
    void certainDecisionsDoNotConsumeDraws() {
        RandomSource.Stream a = new RandomSource(5).stream("d");
        RandomSource.Stream b = new RandomSource(5).stream("d");
        a.decide(0);
        a.decide(1);

        assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
    }
}
