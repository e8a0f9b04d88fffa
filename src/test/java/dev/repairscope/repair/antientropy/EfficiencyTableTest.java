package dev.repairscope.repair.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The efficiency table's numbers come from real exchanges and behave as Merkle trees promise. */
class EfficiencyTableTest {

    @Test
    void bandwidthFollowsDivergenceNotDataSize() {
        List<EfficiencyTable.Row> rows = EfficiencyTable.table(/* keys= */ 20_000, List.of(0, 1, 10, 100), /* depth= */ 12, 1);

        EfficiencyTable.Row none = rows.get(0);
        assertThat(none.levelsExchanged()).as("identical replicas: one root exchange").isEqualTo(1);
        assertThat(none.hashesCompared()).as("one root per shared token range").isEqualTo(2);
        assertThat(none.rowsStreamed()).isZero();

        EfficiencyTable.Row one = rows.get(1);
        assertThat(one.levelsExchanged()).isEqualTo(1 + 12);
        assertThat(one.rowsActuallyDiffering()).isEqualTo(1);
        assertThat(one.rowsStreamed()).as("the whole leaf is streamed").isGreaterThan(1);
        assertThat(one.rangesOutOfSync()).isEqualTo(1);

        for (int i = 1; i < rows.size(); i++) {
            EfficiencyTable.Row previous = rows.get(i - 1);
            EfficiencyTable.Row row = rows.get(i);
            assertThat(row.rowsActuallyDiffering()).isEqualTo(row.differing());
            assertThat(row.hashesCompared()).isGreaterThan(previous.hashesCompared());
            assertThat(row.merkleBytes() + row.streamedBytes()).isGreaterThan(previous.merkleBytes() + previous.streamedBytes());
            assertThat(row.shareOfNaive()).isLessThan(0.5);
        }
    }

    @Test
    void moreDataSameDivergenceCostsLittleMore() {
        EfficiencyTable.Row small = EfficiencyTable.measure(10_000, 10, 12, 1);
        EfficiencyTable.Row large = EfficiencyTable.measure(100_000, 10, 12, 1);

        double naiveGrowth = (double) large.naiveBytes() / small.naiveBytes();
        double merkleGrowth = (double) (large.merkleBytes() + large.streamedBytes()) / (small.merkleBytes() + small.streamedBytes());
        assertThat(naiveGrowth).isBetween(9.0, 11.0);
        assertThat(merkleGrowth).as("overstreaming grows with rows per leaf, hashes do not").isLessThan(naiveGrowth / 2);
    }
}
