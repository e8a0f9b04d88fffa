package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Our copyable generator must draw exactly what the JDK's SplittableRandom draws: runs keep their digests. */
class SplitMixTest {

    @Test
    void drawsWhatSplittableRandomDraws() {
        for (long seed : new long[] {0, 1, -7, 0x1234_5678_9abcL, Long.MIN_VALUE}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix ours = new SplitMix(seed);
            for (int i = 0; i < 200_000; i++) {
                switch (i % 6) {
                    case 0 -> assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
                    case 1 -> assertThat(ours.nextInt(1 + i % 1000)).isEqualTo(jdk.nextInt(1 + i % 1000));
                    case 2 -> assertThat(ours.nextInt(1 << (i % 31))).isEqualTo(jdk.nextInt(1 << (i % 31)));
                    case 3 -> assertThat(ours.nextLong(5, 5_000 + i)).isEqualTo(jdk.nextLong(5, 5_000 + i));
                    case 4 -> assertThat(ours.nextLong(-3, Long.MAX_VALUE)).isEqualTo(jdk.nextLong(-3, Long.MAX_VALUE));
                    default -> assertThat(ours.nextLong(0, 1L << 40)).isEqualTo(jdk.nextLong(0, 1L << 40));
                }
            }
        }
    }

    @Test
    void aCopyGoesOnWithTheSameDraws() {
        SplitMix original = new SplitMix(42);
        original.nextLong();
        SplitMix copy = DeepCopy.of(original);
        for (int i = 0; i < 1_000; i++) {
            assertThat(copy.nextLong()).isEqualTo(original.nextLong());
        }
    }
}
