package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

    /** Random puts, gets and removes against HashMap, over key sets that collide and wrap around the table. */
    @Test
    void behavesLikeHashMapUnderRandomOperations() {
        for (long bound : new long[] {40, 1_000, Long.MAX_VALUE}) {
            SplittableRandom random = new SplittableRandom(bound);
            LongKeyMap<String> map = new LongKeyMap<>();
            Map<Long, String> expected = new HashMap<>();
            for (int i = 0; i < 200_000; i++) {
                long key = bound == Long.MAX_VALUE ? random.nextLong() : random.nextLong(bound) - bound / 2;
                switch (random.nextInt(3)) {
                    case 0 -> assertThat(map.put(key, "v" + i)).isEqualTo(expected.put(key, "v" + i));
                    case 1 -> assertThat(map.remove(key)).isEqualTo(expected.remove(key));
                    default -> assertThat(map.get(key)).isEqualTo(expected.get(key));
                }
                assertThat(map.size()).isEqualTo(expected.size());
            }
            for (Map.Entry<Long, String> entry : expected.entrySet()) {
                assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
            }
        }
    }

    /** Operation ids come in order and leave in any order: the in-flight table's real pattern. */
    @Test
    void keepsSequentialIdsThroughGrowthAndRemoval() {
        LongKeyMap<Long> map = new LongKeyMap<>();
        for (long id = 1; id <= 100_000; id++) {
            map.put(id, id * 10);
            if (id % 3 == 0) {
                assertThat(map.remove(id - 1)).isEqualTo((id - 1) * 10);
            }
        }
        assertThat(map.size()).isEqualTo(100_000 - 33_333);
        assertThat(map.get(2)).isNull();
        assertThat(map.get(3)).isEqualTo(30L);
        assertThat(map.get(100_000)).isEqualTo(1_000_000L);
        assertThat(map.remove(123_456)).isNull();
    }

    @Test
    void refusesNullValues() {
        assertThatThrownBy(() -> new LongKeyMap<String>().put(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
