package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsistencyLevelTest {

    @ParameterizedTest(name = "RF {0}: ANY {1}, ONE {2}, TWO {3}, THREE {4}, QUORUM {5}, ALL {6}")
    @CsvSource({
            "1, 1, 1, 2, 3, 1, 1",
            "2, 1, 1, 2, 3, 2, 2",
            "3, 1, 1, 2, 3, 2, 3",
            "4, 1, 1, 2, 3, 3, 4",
            "5, 1, 1, 2, 3, 3, 5",
    })
    void blockForFollowsTheReplicationFactor(int rf, int any, int one, int two, int three, int quorum, int all) {
        assertThat(ConsistencyLevel.ANY.blockFor(rf)).isEqualTo(any);
        assertThat(ConsistencyLevel.ONE.blockFor(rf)).isEqualTo(one);
        assertThat(ConsistencyLevel.TWO.blockFor(rf)).isEqualTo(two);
        assertThat(ConsistencyLevel.THREE.blockFor(rf)).isEqualTo(three);
        assertThat(ConsistencyLevel.QUORUM.blockFor(rf)).isEqualTo(quorum);
        assertThat(ConsistencyLevel.ALL.blockFor(rf)).isEqualTo(all);
    }

    @Test
    void parsesAnyCase() {
        assertThat(ConsistencyLevel.parse(" quorum ")).isEqualTo(ConsistencyLevel.QUORUM);
        assertThat(ConsistencyLevel.parse("ALL")).isEqualTo(ConsistencyLevel.ALL);
    }
}
