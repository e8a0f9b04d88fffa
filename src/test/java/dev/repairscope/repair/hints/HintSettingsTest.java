package dev.repairscope.repair.hints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.cluster.TestCluster;
import org.junit.jupiter.api.Test;

class HintSettingsTest {

    @Test
    void defaultsAreCassandras() {
        HintSettings d = HintSettings.defaults();
        assertThat(d.enabled()).isTrue();
        assertThat(d.style()).isEqualTo(HandoffStyle.COORDINATOR);
        assertThat(d.window()).isEqualTo(3L * 3600 * 1_000_000);
        assertThat(d.dispatchInterval()).isEqualTo(10_000_000L);
        assertThat(d.throttleBytesPerSecond()).isEqualTo(1_048_576L);
        assertThat(d.keepHintsOnCrash()).isTrue();
        assertThat(d.describe())
                .isEqualTo("coordinator, window 3h, dispatch every 10s, throttle 1024 KiB/s, hints survive a crash");
    }

    @Test
    void stylesParseIgnoringCase() {
        assertThat(HandoffStyle.parse("coordinator")).isEqualTo(HandoffStyle.COORDINATOR);
        assertThat(HandoffStyle.parse(" Sloppy ")).isEqualTo(HandoffStyle.SLOPPY);
        assertThat(HandoffStyle.parse("SLOPPY")).isEqualTo(HandoffStyle.SLOPPY);
        assertThatThrownBy(() -> HandoffStyle.parse("riak"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected one of coordinator, sloppy");
    }

    @Test
    void nonsenseIsRefused() {
        HintSettings d = HintSettings.defaults();
        assertThatThrownBy(() -> d.withDispatchInterval(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withWindow(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withThrottle(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withStyle(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void countersShowAsZeroFromTheStart() {
        TestCluster t = TestCluster.lww(1, 2, 2);
        new HintedHandoff(t.cluster, HintSettings.defaults());
        assertThat(t.cluster.counters().snapshot()).containsEntry("hintsStored", 0L).containsEntry("hintsReplayed", 0L)
                .containsEntry("hintsDroppedWindow", 0L).containsEntry("hintsDroppedExpired", 0L)
                .containsEntry("hintsLost", 0L).containsEntry("handoffBytes", 0L);
        assertThat(t.cluster.handoff()).isInstanceOf(HintedHandoff.class);
    }
}
