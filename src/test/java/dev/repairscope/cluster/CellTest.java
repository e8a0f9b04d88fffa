package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {
    private static Cell value(String value, long writeId) {
        return new Cell("k1", value, false, 1_000 + writeId, VectorClock.EMPTY.increment("n" + writeId), writeId);
    }

    private static Cell tombstone(long writeId) {
        return new Cell("k1", null, true, 1_000 + writeId, VectorClock.EMPTY.increment("n" + writeId), writeId);
    }

    @Test
    void showsWhatAClientWouldSee() {
        assertThat(Cell.shown(List.of())).isEqualTo("not found");
        assertThat(Cell.shown(List.of(tombstone(1)))).isEqualTo("not found");
        assertThat(Cell.shown(List.of(value("v2", 1)))).isEqualTo("v2");
        assertThat(Cell.shown(List.of(tombstone(1), value("v2", 2)))).isEqualTo("v2");
        assertThat(Cell.shown(List.of(value("a", 1), tombstone(2), value("b", 3)))).isEqualTo("[a | b]");
        assertThat(Cell.shown(List.of(value("", 1), value("b", 2), value("c", 3)))).isEqualTo("[ | b | c]");
    }

    @Test
    void labelsAndStampsCarryTheVersion() {
        Cell lww = new Cell("k1", "v2", false, 1_000_123, VectorClock.EMPTY, 7);
        assertThat(lww.label()).isEqualTo("v2@1000123");
        assertThat(lww.stamp()).isEqualTo("w7@1000123");
        Cell deleted = tombstone(3);
        assertThat(deleted.label()).isEqualTo("(deleted){n3:1}");
        assertThat(deleted.stamp()).isEqualTo("w3{n3:1}");
    }
}
