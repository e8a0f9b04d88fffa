package dev.repairscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken file is rejected whole, with the file, line, column and field named. */
class BrokenScenarioTest {

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                // file, line, field, words the message must contain
                Arguments.of("01-syntax-error.json", 6, "timeline[1]", "Unexpected character"),
                Arguments.of("02-wrong-type.json", 4, "cluster.nodes", "expected a whole number"),
                Arguments.of("03-unknown-field.json", 5, "cluster.replicas", "unknown field \"replicas\""),
                Arguments.of("04-unknown-node.json", 6, "timeline[1].node", "unknown node \"n9\""),
                Arguments.of("05-negative-duration.json", 5, "timeline[0].duration", "cannot be negative"),
                Arguments.of("06-absurd-nodes.json", 4, "cluster.nodes", "between 1 and 64"),
                Arguments.of("07-absurd-workload.json", 4, "workload.rate", "more than the limit"),
                Arguments.of("08-unknown-action.json", 4, "timeline[0]", "unknown action \"explode\""),
                Arguments.of("09-rf-above-nodes.json", 5, "cluster.replicationFactor", "needs at least 3 nodes"),
                Arguments.of("10-bad-duration.json", 3, "duration", "expected a duration"),
                Arguments.of("11-unknown-metric.json", 4, "expectations[0].name", "unknown metric \"stalereads\""),
                Arguments.of("12-read-at-any.json", 5, "timeline[0].consistency", "ANY is for writes only"),
                Arguments.of("13-missing-at.json", 4, "timeline[0].at", "required"),
                Arguments.of("14-too-deep.json", 2, "network" + "[0]".repeat(31), "nesting depth"),
                Arguments.of("15-unknown-mode.json", 4, "repair.readRepair.mode", "expected one of none"),
                Arguments.of("16-duplicate-field.json", 4, "seed", "Duplicate field 'seed'"),
                Arguments.of("17-empty.json", 1, "", "expected an object"),
                Arguments.of("18-top-level-array.json", 1, "", "expected an object"),
                Arguments.of("19-nan.json", 4, "network.loss", "Non-standard token 'NaN'"),
                Arguments.of("20-huge-number.json", 3, "seed", "out of range of long"),
                Arguments.of("21-negative-nodes.json", 4, "cluster.nodes", "between 1 and 64, got -3"),
                Arguments.of("22-run-forever.json", 3, "duration", "got 100000d"),
                Arguments.of("23-too-many-keys.json", 4, "workload.keys", "between 1 and 1000000"),
                Arguments.of("24-loss-above-one.json", 4, "network.loss", "between 0 and 1, got 1.5"),
                Arguments.of("25-uniform-backwards.json", 4, "network.latency.max", "below min"),
                Arguments.of("26-self-link.json", 4, "timeline[0].to", "must differ from from"),
                Arguments.of("27-unfilter-unknown.json", 4, "timeline[0].name", "no earlier \"filter\""),
                Arguments.of("28-bulk-too-big.json", 15, "timeline[5].count", "more than 5000000 operations"),
                Arguments.of("29-pareto-no-shape.json", 4, "network.latency.shape", "required"),
                Arguments.of("30-merkle-too-deep.json", 4, "repair.antiEntropy.depth", "between 0 and 20"),
                Arguments.of("31-null-step.json", 4, "timeline[0]", "expected a step object"),
                Arguments.of("32-trailing-garbage.json", 4, "", "Unexpected close marker"),
                Arguments.of("33-step-after-end.json", 3, "duration", "has a step at 20s"),
                Arguments.of("34-string-for-boolean.json", 4, "repair.hintedHandoff.enabled", "expected true or false"),
                Arguments.of("35-missing-name.json", 1, "name", "required"),
                Arguments.of("36-unknown-invariant.json", 4, "expectations[0].name", "unknown invariant"),
                Arguments.of("37-node-in-two-groups.json", 4, "timeline[0].groups[1][0]", "n2 is in two groups"),
                Arguments.of("38-sampling-too-fine.json", 4, "sampleInterval", "too fine"),
                Arguments.of("39-not-utf8.json", 1, "", "not UTF-8"));
    }

    @Test
    void everyFileInTheCorpusIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/broken"))) {
            assertThat(files.count()).isEqualTo(brokenFiles().count()).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    @Timeout(20)
    void oversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        String padding = "\"" + "x".repeat(9_000) + "\"";
        StringBuilder text = new StringBuilder("{\"name\": \"big\", \"description\": \"many steps\", \"timeline\": [");
        while (text.length() < 3 * 1024 * 1024) {
            text.append("{\"at\": \"1s\", \"action\": \"caption\", \"caption\": ").append(padding).append("},");
        }
        text.append("{\"at\": \"1s\", \"action\": \"check\"}]}");
        Files.writeString(big, text);

        assertThatThrownBy(() -> new ScenarioLoader().load(big))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(big + ":1:1: file is larger than 2048 KiB");
    }

    @ParameterizedTest(name = "{0}")
    @Timeout(10)
    @MethodSource("brokenFiles")
    void brokenFileIsRejectedNamingLineAndField(String file, int line, String field, String words) {
        Path path = Path.of("src/test/resources/broken", file);
        assertThatThrownBy(() -> new ScenarioLoader().load(path))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> {
                    ScenarioProblem first = ((ScenarioException) e).problems().get(0);
                    assertThat(first.file()).isEqualTo(path.toString());
                    assertThat(first.line()).as(first.toString()).isEqualTo(line);
                    assertThat(first.column()).isPositive();
                    assertThat(first.field()).as(first.toString()).isEqualTo(field);
                    assertThat(first.message()).as(first.toString()).contains(words);
                    assertThat(e.getMessage()).startsWith(path + ":" + line + ":");
                });
    }
}
