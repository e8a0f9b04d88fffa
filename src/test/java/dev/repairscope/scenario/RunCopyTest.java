package dev.repairscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshots (seeking) rest on this: a copy of a run taken at any point runs on to exactly the same
 * journal as the run that was never copied, and the original, run on after the copy, too.
 */
class RunCopyTest {

    static Stream<Path> library() throws Exception {
        return ScenarioLibraryTest.library();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void aCopyRunsOnExactlyAsTheOriginal(Path file) throws Exception {
        Scenario scenario = new ScenarioLoader().load(file);
        RunReport uninterrupted = new ScenarioRun(scenario, scenario.seed()).runToEnd();

        double share = 0.15 + 0.7 * ((file.getFileName().toString().hashCode() & 0xff) / 255.0);
        {
            ScenarioRun original = new ScenarioRun(scenario, scenario.seed());
            long cut = (long) (scenario.duration() * share);
            while (original.sim().nextEventTime() >= 0 && original.sim().nextEventTime() <= cut) {
                original.sim().step();
            }
            ScenarioRun copy = original.copy();
            RunReport fromCopy = copy.runToEnd();
            RunReport fromOriginal = original.runToEnd();

            assertThat(fromCopy.traceDigest()).as("copy taken at %.0f%% of %s", share * 100, file)
                    .isEqualTo(uninterrupted.traceDigest());
            assertThat(fromOriginal.traceDigest()).isEqualTo(uninterrupted.traceDigest());
            assertThat(fromCopy.metrics()).isEqualTo(uninterrupted.metrics());
            assertThat(fromCopy.expectations()).isEqualTo(uninterrupted.expectations());
        }
    }
}
