package dev.repairscope.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.sim.RandomSource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Statistical checks over many draws from seeded streams; each assertion names its seed. */
class LatencyDistributionTest {

    private static final int DRAWS = 200_000;

    private static RandomSource.Stream stream(long seed) {
        return new RandomSource(seed).stream("net.latency");
    }

    @Test
    void constantAlwaysGivesItsValue() {
        LatencyDistribution d = new LatencyDistribution.Constant(1_500);
        RandomSource.Stream s = stream(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(d.sample(s)).isEqualTo(1_500);
        }
        assertThat(d.expectedMicros()).isEqualTo(1_500.0);
        assertThat(d.describe()).isEqualTo("constant 1.5ms");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void uniformCoversBothBoundsInclusiveAndNothingElse(long seed) {
        LatencyDistribution d = new LatencyDistribution.Uniform(1_000, 1_004); // 1000..1004 inclusive
        RandomSource.Stream s = stream(seed);
        long[] counts = new long[5];
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long v = d.sample(s);
            if (v < 1_000 || v > 1_004) {
                throw new AssertionError("seed " + seed + ": draw " + v + " outside 1000..1004");
            }
            counts[(int) (v - 1_000)]++;
            sum += v;
        }
        for (long count : counts) {
            assertThat(count).as("seed %d: each of 5 values about 1/5 of %d", seed, DRAWS).isBetween(39_000L, 41_000L);
        }
        assertThat(sum / DRAWS).as("seed %d", seed).isCloseTo(d.expectedMicros(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(d.expectedMicros()).isEqualTo(1_002.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void exponentialHasItsMinimumAndMean(long seed) {
        LatencyDistribution d = new LatencyDistribution.Exponential(1_000, 5_000); // 1 ms + mean 5 ms
        RandomSource.Stream s = stream(seed);
        double sum = 0;
        long min = Long.MAX_VALUE;
        int aboveMeanTail = 0;
        for (int i = 0; i < DRAWS; i++) {
            long v = d.sample(s);
            sum += v;
            min = Math.min(min, v);
            if (v > 1_000 + 5_000) {
                aboveMeanTail++;
            }
        }
        assertThat(min).as("seed %d", seed).isGreaterThanOrEqualTo(1_000L).isLessThan(1_010L);
        // the mean of 200000 draws has a standard error of 5000/sqrt(200000) = 11 us
        assertThat(sum / DRAWS).as("seed %d: mean", seed).isBetween(5_950.0, 6_050.0);
        assertThat(d.expectedMicros()).isEqualTo(6_000.0);
        // P(tail > mean) = e^-1 = 0.368
        assertThat(aboveMeanTail / (double) DRAWS).as("seed %d", seed).isBetween(0.362, 0.374);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void paretoNeverGoesBelowItsMinimumAndHasAHeavyTail(long seed) {
        LatencyDistribution d = new LatencyDistribution.Pareto(1_000, 1.5); // xm 1 ms, alpha 1.5
        RandomSource.Stream s = stream(seed);
        long min = Long.MAX_VALUE;
        long max = 0;
        int beyondTenTimes = 0;
        int beyondHundredTimes = 0;
        for (int i = 0; i < DRAWS; i++) {
            long v = d.sample(s);
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v > 10_000) {
                beyondTenTimes++;
            }
            if (v > 100_000) {
                beyondHundredTimes++;
            }
        }
        assertThat(min).as("seed %d", seed).isBetween(1_000L, 1_002L);
        // P(X > 10 xm) = 10^-1.5 = 0.0316
        assertThat(beyondTenTimes / (double) DRAWS).as("seed %d", seed).isBetween(0.0300, 0.0332);
        // P(X > 100 xm) = 100^-1.5 = 0.001, about 200 draws beyond 100 ms: an exponential with the same
        // 3 ms mean would put e^-33 (none at all) there
        assertThat(beyondHundredTimes).as("seed %d", seed).isBetween(150, 250);
        assertThat(max).as("seed %d: the largest of 200000 draws is far out", seed).isGreaterThan(1_000_000L);
        assertThat(d.expectedMicros()).isEqualTo(3_000.0);
    }

    @Test
    void paretoWithShapeAtMostOneHasNoMeanAndIsCappedAtAnHour() {
        LatencyDistribution d = new LatencyDistribution.Pareto(1_000, 0.1); // alpha 0.1: absurdly heavy
        RandomSource.Stream s = stream(4);
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            max = Math.max(max, d.sample(s));
        }
        assertThat(max).as("seed 4").isEqualTo(3_600_000_000L);
        assertThat(d.expectedMicros()).isInfinite();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mixturePicksPartsByWeight(long seed) {
        LatencyDistribution d = new LatencyDistribution.Mixture(List.of(
                new LatencyDistribution.Weighted(9, new LatencyDistribution.Constant(1_000)),
                new LatencyDistribution.Weighted(1, new LatencyDistribution.Constant(100_000))));
        RandomSource.Stream s = stream(seed);
        int slow = 0;
        for (int i = 0; i < DRAWS; i++) {
            long v = d.sample(s);
            if (v == 100_000) {
                slow++;
            } else if (v != 1_000) {
                throw new AssertionError("seed " + seed + ": draw " + v + " is from neither part");
            }
        }
        // weight 1 of 10: 10% slow, standard error 0.07%
        assertThat(slow / (double) DRAWS).as("seed %d", seed).isBetween(0.097, 0.103);
        assertThat(d.expectedMicros()).isCloseTo(0.9 * 1_000 + 0.1 * 100_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.describe()).isEqualTo("mixture of 9.0 x constant 1ms + 1.0 x constant 100ms");
    }

    @Test
    void shiftedAddsItsOffsetToEveryDraw() {
        LatencyDistribution base = new LatencyDistribution.Uniform(1_000, 2_000);
        LatencyDistribution d = new LatencyDistribution.Shifted(50_000, base); // +50 ms to a remote datacenter
        RandomSource.Stream shifted = stream(9);
        RandomSource.Stream plain = stream(9);
        for (int i = 0; i < 1_000; i++) {
            assertThat(d.sample(shifted)).as("seed 9").isEqualTo(50_000 + base.sample(plain));
        }
        assertThat(d.expectedMicros()).isEqualTo(51_500.0);
        assertThat(d.describe()).isEqualTo("uniform 1ms..2ms + 50ms");
    }

    @Test
    void emptyMixtureIsRejected() {
        assertThatThrownBy(() -> new LatencyDistribution.Mixture(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a mixture needs at least one part");
    }

    @Test
    void sameSeedGivesTheSameSamples() {
        LatencyDistribution d = new LatencyDistribution.Exponential(0, 10_000);
        RandomSource.Stream a = stream(77);
        RandomSource.Stream b = stream(77);
        for (int i = 0; i < 100; i++) {
            assertThat(d.sample(a)).isEqualTo(d.sample(b));
        }
    }
}
