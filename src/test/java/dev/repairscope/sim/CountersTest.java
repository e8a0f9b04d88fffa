package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void declaredCountersShowAsZeroAndAddUp() {
        Counters c = new Counters();
        c.declare("hintsStored", "readRepairWrites");
        c.increment("readRepairWrites");
        c.add("readRepairWrites", 4);
        c.add("bytes", 100);

        assertThat(c.snapshot()).containsExactly(
                java.util.Map.entry("bytes", 100L),
                java.util.Map.entry("hintsStored", 0L),
                java.util.Map.entry("readRepairWrites", 5L));
        assertThat(c.get("missing")).isZero();
        assertThat(c.has("missing")).isFalse();
        assertThat(c.has("hintsStored")).isTrue();
    }

    @Test
    void declaringAgainKeepsTheValue() {
        Counters c = new Counters();
        c.add("x", 3);
        c.declare("x");

        assertThat(c.get("x")).isEqualTo(3);
    }
}
