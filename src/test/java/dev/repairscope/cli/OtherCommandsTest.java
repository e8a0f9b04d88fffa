package dev.repairscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** compare and efficiency, end to end through the command line. */
class OtherCommandsTest {

    @Test
    void compareShowsBothRunsAndTheirDifferences() {
        RunCommandTest.Outcome outcome = RunCommandTest.run("compare", "scenarios/hot-cold-read-repair-only.json",
                "scenarios/hot-cold-read-repair-plus-anti-entropy.json");

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("A: Hot keys heal, cold keys drift: read repair only")
                .contains("B: Hot keys heal, cold keys drift: read repair plus anti-entropy")
                .contains("expectations: A PASS (3/3), B PASS (4/4)");
        String cold = outcome.out().lines().filter(l -> l.startsWith("coldDivergentKeys")).findFirst().orElseThrow();
        String[] columns = cold.trim().split("\\s+");
        assertThat(Long.parseLong(columns[1])).as("read repair alone leaves cold keys diverged").isPositive();
        assertThat(Long.parseLong(columns[2])).as("anti-entropy sweeps them up").isZero();
        assertThat(columns[3]).isEqualTo("-" + columns[1]);
    }

    @Test
    void compareRejectsABrokenFile() {
        RunCommandTest.Outcome outcome = RunCommandTest.run("compare", "scenarios/seed-story.json",
                "src/test/resources/broken/02-wrong-type.json");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("02-wrong-type.json:4:").contains("cluster.nodes");
    }

    @Test
    void efficiencyPrintsOneRowPerDivergence() {
        RunCommandTest.Outcome outcome = RunCommandTest.run("efficiency", "--keys", "20000", "--depth", "10",
                "--differences", "0,1,100");

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("two replicas of 20,000 keys, tree depth 10");
        String[] none = outcome.out().lines().filter(l -> l.trim().startsWith("0 ")).findFirst().orElseThrow().trim().split("\\s+");
        assertThat(none[1]).as("levels for d = 0: one root exchange").isEqualTo("1");
        assertThat(none[4]).as("rows streamed for d = 0").isEqualTo("0");
        String[] hundred = outcome.out().lines().filter(l -> l.trim().startsWith("100 ")).findFirst().orElseThrow().trim().split("\\s+");
        assertThat(Long.parseLong(hundred[5])).as("rows actually differing").isEqualTo(100);
        assertThat(Long.parseLong(hundred[4])).as("whole leaves streamed").isGreaterThanOrEqualTo(100);
    }

    @Test
    void efficiencyRejectsImpossibleSettings() {
        assertThat(RunCommandTest.run("efficiency", "--keys", "10", "--differences", "11").exit()).isEqualTo(2);
        assertThat(RunCommandTest.run("efficiency", "--depth", "30").exit()).isEqualTo(2);
    }
}
