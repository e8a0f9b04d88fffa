package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplicaMapTest {

    /** The same answers as the LinkedHashMap it replaces, order included, under random puts. */
    @Test
    void behavesLikeALinkedHashMap() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 2_000; round++) {
            ReplicaMap<Integer> map = new ReplicaMap<>();
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                String replica = "n" + random.nextInt(6);
                if (random.nextBoolean()) {
                    map.put(replica, i);
                    expected.put(replica, i);
                } else {
                    map.putIfAbsent(replica, i);
                    expected.putIfAbsent(replica, i);
                }
                assertThat(map.replicas()).containsExactlyElementsOf(expected.keySet());
                assertThat(map.first()).isEqualTo(expected.values().iterator().next());
                assertThat(map.size()).isEqualTo(expected.size());
                for (int n = 0; n < 6; n++) {
                    assertThat(map.get("n" + n)).isEqualTo(expected.get("n" + n));
                    assertThat(map.containsKey("n" + n)).isEqualTo(expected.containsKey("n" + n));
                }
                assertThat(map.containsAll(List.of("n0", "n1"))).isEqualTo(expected.keySet().containsAll(List.of("n0", "n1")));
            }
        }
        assertThat(new ReplicaMap<String>().isEmpty()).isTrue();
    }
}
