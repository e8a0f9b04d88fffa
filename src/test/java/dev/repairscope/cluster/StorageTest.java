package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StorageTest {

    private static Cell live(String key, String value, long ts, long writeId) {
        return new Cell(key, value, false, ts, VectorClock.EMPTY, writeId);
    }

    private static Cell tombstone(String key, long ts, long writeId) {
        return new Cell(key, null, true, ts, VectorClock.EMPTY, writeId);
    }

    @Test
    void applyReportsWhetherAnythingChanged() {
        Storage s = new Storage(Versioning.LWW);

        assertThat(s.apply(live("k", "v1", 10, 1))).isTrue();
        assertThat(s.apply(live("k", "v1", 10, 1))).isFalse(); // the same version again
        assertThat(s.apply(live("k", "old", 5, 2))).isFalse(); // older: ignored
        assertThat(s.apply(live("k", "v2", 20, 3))).isTrue();
        assertThat(s.get("k")).containsExactly(live("k", "v2", 20, 3));
        assertThat(s.get("absent")).isEmpty();
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void liveKeysIgnoresTombstonedRows() {
        Storage s = new Storage(Versioning.LWW);
        s.apply(live("a", "1", 10, 1));
        s.apply(live("b", "1", 10, 2));
        s.apply(tombstone("b", 20, 3));

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.liveKeys()).isEqualTo(1);
    }

    @Test
    void purgeDropsOnlyTombstonesOlderThanGcGrace() {
        Storage s = new Storage(Versioning.LWW);
        s.apply(tombstone("old", 100, 1));
        s.apply(tombstone("young", 900, 2));
        s.apply(live("value", "v", 0, 3));

        List<String> purged = s.purgeTombstones(1_100, 1_000); // now 1100, gc_grace 1000

        assertThat(purged).containsExactly("old");
        assertThat(s.rows().keySet()).containsExactly("value", "young");
        assertThat(s.purgeTombstones(1_899, 1_000)).isEmpty();
        assertThat(s.purgeTombstones(1_900, 1_000)).containsExactly("young");
    }

    @Test
    void digestIsEqualForEqualVersionsAndDiffersOtherwise() {
        assertThat(Storage.digest(List.of(live("k", "v", 10, 1)))).isEqualTo(Storage.digest(List.of(live("k", "v", 10, 1))));
        assertThat(Storage.digest(List.of(live("k", "v", 10, 1)))).isNotEqualTo(Storage.digest(List.of(live("k", "v", 11, 1))));
        assertThat(Storage.digest(List.of(live("k", "v", 10, 1)))).isNotEqualTo(Storage.digest(List.of()));
    }
}
