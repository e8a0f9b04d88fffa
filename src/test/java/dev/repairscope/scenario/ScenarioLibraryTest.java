package dev.repairscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario in scenarios/ loads, runs headless, and every one of its expectations holds. */
class ScenarioLibraryTest {

    static Stream<Path> library() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void scenarioPassesHeadless(Path file) throws Exception {
        Scenario scenario = new ScenarioLoader().load(file);
        RunReport report = new ScenarioRun(scenario, scenario.seed()).runToEnd();

        assertThat(scenario.description()).as("every lesson explains itself").isNotBlank();
        assertThat(report.expectations()).as("a scenario proves its story with expectations").isNotEmpty();
        assertThat(report.expectations()).allSatisfy(r ->
                assertThat(r.passed()).as("%s: %s -> %s", file, r.description(), r.detail()).isTrue());
        assertThat(report.simulatedMs() * 1000).isEqualTo(scenario.duration());
    }

    @Test
    void theLibraryHasTheReferenceBehaviours() throws IOException {
        assertThat(library().map(p -> p.getFileName().toString()))
                .contains("seed-story.json", "ref1-blocking-read-repair.json", "ref2-hints-replay.json",
                        "ref3-anti-entropy-one-range.json", "ref4-read-repair-heals-every-key-read.json",
                        "ref5-read-repair-chance.json", "ref6-quorum-arithmetic.json");
    }

    @Test
    void everyLessonSaysWhatItTeachesAndTellsItsStory() throws Exception {
        List<Path> lessons = library().filter(p -> p.getFileName().toString().startsWith("lesson-")
                || p.getFileName().toString().equals("seed-story.json")).toList();
        assertThat(lessons).hasSizeGreaterThanOrEqualTo(11);
        for (Path file : lessons) {
            Scenario lesson = new ScenarioLoader().load(file);
            assertThat(lesson.teaches()).as(file + " teaches").isNotEmpty();
            long captions = lesson.timeline().stream().filter(s -> s.caption() != null).count();
            assertThat(captions).as(file + " captions").isGreaterThanOrEqualTo(2);
        }
        long checkpoints = lessons.stream().mapToLong(file -> {
            try {
                return new ScenarioLoader().load(file).timeline().stream()
                        .filter(s -> s.step() instanceof ScenarioFile.Step.Checkpoint).count();
            } catch (ScenarioException e) {
                throw new IllegalStateException(e);
            }
        }).sum();
        assertThat(checkpoints).as("predict-then-reveal checkpoints across the lessons").isGreaterThanOrEqualTo(6);
    }

    @Test
    void theDefaultScenarioIsBundledOnTheClasspath() throws Exception {
        Scenario bundled = new ScenarioLoader().loadResource(ScenarioLoader.DEFAULT_SCENARIO);
        Scenario onDisk = new ScenarioLoader().load(Path.of("scenarios/seed-story.json"));
        assertThat(bundled.name()).isEqualTo(onDisk.name());
    }

    @Test
    void sameSeedSameJournalDifferentSeedDifferentJournal() throws Exception {
        Scenario scenario = new ScenarioLoader().load(Path.of("scenarios/hot-cold-read-repair-plus-anti-entropy.json"));
        long until = 30_000_000L;
        RunReport a = new ScenarioRun(scenario, 21).runUntil(until);
        RunReport b = new ScenarioRun(scenario, 21).runUntil(until);
        RunReport c = new ScenarioRun(scenario, 22).runUntil(until);

        assertThat(a.events()).isGreaterThan(10_000).isEqualTo(b.events());
        assertThat(a.traceDigest()).isEqualTo(b.traceDigest()).isNotEqualTo(c.traceDigest());
        assertThat(a.metrics()).isEqualTo(b.metrics());
    }
}
