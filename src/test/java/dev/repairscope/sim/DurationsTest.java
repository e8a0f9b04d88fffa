package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "\"{0}\" is {1} us")
    @CsvSource({
            "250us, 250",
            "5ms, 5000",
            "1.5ms, 1500",
            "2s, 2000000",
            "1.5s, 1500000",
            "3m, 180000000",
            "3h, 10800000000",
            "10d, 864000000000",
            "0s, 0",
            "' 7 ms ', 7000",
    })
    void parsesEveryUnit(String text, long micros) {
        assertThat(Durations.parse(text)).isEqualTo(micros);
    }

    @ParameterizedTest(name = "{0} us prints as \"{1}\"")
    @CsvSource({
            "0, 0us",
            "40, 40us",
            "999, 999us",
            "1000, 1ms",
            "12500, 12.5ms",
            "1250000, 1.25s",
            "2000000, 2s",
            "180000000, 180s",
            "3600000000, 1h",
            "10800000000, 3h",
            "3601000000, 3601s",
    })
    void formatsShortForms(long micros, String text) {
        assertThat(Durations.format(micros)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 250, 1_000, 12_500, 1_250_000, 3_600_000_000L, 864_000_000_000L})
    void formatThenParseRoundTrips(long micros) {
        assertThat(Durations.parse(Durations.format(micros))).isEqualTo(micros);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "ms", "-5ms", "5 weeks", "5sec", "", "1,5s", "five s"})
    void badInputNamesTheExpectedFormAndTheText(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration such as \"250us\", \"5ms\", \"2s\", \"3m\", \"3h\" or \"10d\", got \""
                        + text + "\"");
    }

    @ParameterizedTest
    @NullSource
    void nullInputIsRejectedWithTheSameMessage(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got \"null\"");
    }

    @Test
    void absurdlyLongDurationIsRejected() {
        assertThatThrownBy(() -> Durations.parse("99999999999d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration \"99999999999d\" is too long");
    }

    @Test
    void helpersConvertToMicros() {
        assertThat(Durations.ms(1.5)).isEqualTo(1_500);
        assertThat(Durations.seconds(2)).isEqualTo(2_000_000);
    }
}
