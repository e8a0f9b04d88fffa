package dev.repairscope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The comparison harness still loads a build and runs it (no time is asserted: only what ran). */
class InterleavedRunsTest {

    @Test
    void runsEachBuildInItsOwnLoaderAndTheFloorInTurn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            InterleavedRuns.main(new String[] {".", ".", "3"}); // this checkout twice: the test run has compiled it
        } finally {
            System.setOut(console);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("3 runs per build taking turns, medians of the last 2");
        assertThat(report.lines().filter(line -> line.contains("247,835 steps, speed-up over the first"))).hasSize(2);
        assertThat(report).containsPattern("floor +\\d+\\.\\d ms \\(the first build's bare queue");
    }

    @Test
    void refusesADirectoryThatWasNotBuilt() {
        assertThatThrownBy(() -> InterleavedRuns.main(new String[] {".", "no-such-checkout", "3"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-checkout/target/classes is missing");
    }
}
