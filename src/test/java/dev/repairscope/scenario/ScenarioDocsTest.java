package dev.repairscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The complete example in scenarios/README.md loads and runs: the documentation stays true. */
class ScenarioDocsTest {

    @Test
    void readmeExampleLoadsAndItsExpectationsHold() throws Exception {
        String readme = Files.readString(Path.of("scenarios/README.md"));
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();

        Scenario scenario = new ScenarioLoader().parse(block.group(1), "scenarios/README.md example");
        RunReport report = new ScenarioRun(scenario, scenario.seed()).runToEnd();

        assertThat(scenario.cluster().clockSkew()).containsEntry("n3", -20_000L);
        assertThat(report.expectations()).hasSize(4).allMatch(ExpectationResult::passed, "passed");
        assertThat(report.metrics().get("hintsReplayed")).isPositive();
    }
}
