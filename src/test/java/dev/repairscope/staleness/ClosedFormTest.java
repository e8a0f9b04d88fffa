package dev.repairscope.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The k-staleness closed form against hand-worked cases and the paper's own example. */
class ClosedFormTest {

    @Test
    void oneOfThreeReadAfterOneOfThreeWriteMissesTwoThirds() {
        // C(2,1)/C(3,1) = 2/3
        assertThat(ClosedForm.missesOneWrite(3, 1, 1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ClosedForm.consistentWithin(3, 1, 1, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ClosedForm.consistentWithin(3, 1, 1, 2)).isCloseTo(1 - 4.0 / 9, within(1e-12));
        assertThat(ClosedForm.consistentWithin(3, 1, 1, 3)).isCloseTo(1 - 8.0 / 27, within(1e-12));
    }

    @Test
    void readOfTwoAfterWriteOfOneMissesOneThird() {
        // C(2,2)/C(3,2) = 1/3, and symmetrically C(1,1)/C(3,1) = 1/3
        assertThat(ClosedForm.missesOneWrite(3, 2, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ClosedForm.missesOneWrite(3, 1, 2)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void strictQuorumsAreNeverStale() {
        assertThat(ClosedForm.consistentWithin(3, 2, 2, 1)).isEqualTo(1.0);
        assertThat(ClosedForm.consistentWithin(5, 1, 5, 1)).isEqualTo(1.0);
    }

    @Test
    void thePapersLargeQuorumExample() {
        // "With N=100, R=W=30, p_stale = 1.88 x 10^-6"
        assertThat(ClosedForm.missesOneWrite(100, 30, 30)).isCloseTo(1.88e-6, within(0.01e-6));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> ClosedForm.missesOneWrite(3, 4, 1)).hasMessageContaining("R=4");
        assertThatThrownBy(() -> ClosedForm.consistentWithin(3, 1, 1, 0)).hasMessageContaining("k");
    }
}
