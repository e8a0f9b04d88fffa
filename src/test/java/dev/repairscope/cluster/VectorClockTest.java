package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorClockTest {

    private static VectorClock vc(String text) {
        return VectorClock.parse(text);
    }

    @Test
    void compareTellsBeforeAfterEqualAndConcurrent() {
        assertThat(vc("{n1:1}").compare(vc("{n1:2}"))).isEqualTo(VectorClock.Order.BEFORE);
        assertThat(vc("{n1:2,n2:1}").compare(vc("{n1:2}"))).isEqualTo(VectorClock.Order.AFTER);
        assertThat(vc("{n1:2,n2:1}").compare(vc("{n2:1,n1:2}"))).isEqualTo(VectorClock.Order.EQUAL);
        assertThat(vc("{n1:2}").compare(vc("{n1:1,n2:1}"))).isEqualTo(VectorClock.Order.CONCURRENT);
        assertThat(VectorClock.EMPTY.compare(vc("{n3:1}"))).isEqualTo(VectorClock.Order.BEFORE);
    }

    @Test
    void descendsMeansEqualOrNewer() {
        assertThat(vc("{n1:2}").descends(vc("{n1:1}"))).isTrue();
        assertThat(vc("{n1:2}").descends(vc("{n1:2}"))).isTrue();
        assertThat(vc("{n1:1}").descends(vc("{n1:2}"))).isFalse();
        assertThat(vc("{n1:2}").descends(vc("{n1:1,n2:1}"))).isFalse();
    }

    @Test
    void mergeIsThePairwiseMaximumAndDescendsFromBoth() {
        VectorClock a = vc("{n1:3,n2:1}");
        VectorClock b = vc("{n2:4,n3:2}");
        VectorClock merged = a.merge(b);

        assertThat(merged).isEqualTo(vc("{n1:3,n2:4,n3:2}"));
        assertThat(merged.descends(a)).isTrue();
        assertThat(merged.descends(b)).isTrue();
        assertThat(b.merge(a)).isEqualTo(merged);
    }

    @Test
    void incrementBumpsOneCounterAndLeavesTheOriginalAlone() {
        VectorClock a = vc("{n1:1}");
        VectorClock b = a.increment("n1").increment("n2");

        assertThat(b.toString()).isEqualTo("{n1:2,n2:1}");
        assertThat(a.toString()).isEqualTo("{n1:1}");
        assertThat(b.counter("n3")).isZero();
    }

    @Test
    void toStringAndParseRoundTrip() {
        VectorClock clock = VectorClock.of(Map.of("n3", 1L, "n1", 12L, "n10", 2L));

        assertThat(clock.toString()).isEqualTo("{n1:12,n10:2,n3:1}");
        assertThat(VectorClock.parse(clock.toString())).isEqualTo(clock).hasSameHashCodeAs(clock);
        assertThat(VectorClock.parse(" { n1 : 2 } ")).isEqualTo(vc("{n1:2}"));
        assertThat(VectorClock.parse("{}")).isEqualTo(VectorClock.EMPTY);
        assertThat(VectorClock.EMPTY.toString()).isEqualTo("{}");
    }

    @Test
    void parseRejectsTextWithoutBraces() {
        assertThatThrownBy(() -> VectorClock.parse("n1:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a vector clock: n1:2");
    }
}
