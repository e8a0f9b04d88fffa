package dev.repairscope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.ExpectationResult;
import dev.repairscope.scenario.RunReport;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After any seeded schedule of crashes, partitions, one-way cuts, blips, loss and slow links,
 * clock skew, across the mechanism settings: once the faults heal and one full anti-entropy sweep
 * completes, no key diverges and no acknowledged write is lost, except those last-write-wins
 * overwrote by design because a skewed clock gave an earlier write a later timestamp (counted
 * apart as lostWritesByClockSkew; without skew there are none). A failing seed writes its
 * scenario to target/fuzz-failures/ to rerun headless.
 */
class ConvergenceFuzzTest {
    /** CI size; a longer soak: mvn -B test -Dfuzz.seeds=5000 -Dtest=ConvergenceFuzzTest. */
    static final int SEEDS = Integer.getInteger("fuzz.seeds", 500);

    /** Seeds whose faults really made replicas diverge and whose sweep really streamed rows. */
    private static final AtomicInteger SWEEPS_THAT_HEALED = new AtomicInteger();
    /** Acknowledged writes last-write-wins overwrote because of skew, over all seeds (reported). */
    private static final java.util.concurrent.atomic.AtomicLong SKEW_OVERWRITES = new java.util.concurrent.atomic.AtomicLong();

    @AfterAll
    static void theSchedulesReallyBrokeSomething() {
        System.out.printf("fault fuzzing: %d schedules, %d whose sweep repaired real divergence, "
                + "%d acknowledged writes overwritten by last-write-wins under clock skew%n",
                SEEDS, SWEEPS_THAT_HEALED.get(), SKEW_OVERWRITES.get());
        assertThat(SWEEPS_THAT_HEALED.get()).as("schedules whose sweep repaired real divergence").isGreaterThan(SEEDS / 4);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void healedClusterConvergesAfterOneSweep(long seed) throws Exception {
        String json = FaultSchedules.scenario(seed);
        Scenario scenario = new ScenarioLoader().parse(json, "fault schedule " + seed);
        RunReport report = new ScenarioRun(scenario, seed).runToEnd();

        long lost = report.metrics().get("lostWrites");
        long bySkew = report.metrics().get("lostWritesByClockSkew");
        if (bySkew > 0) {
            SKEW_OVERWRITES.addAndGet(bySkew);
        }
        if (!report.passed() || lost != bySkew) {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("seed-" + seed + ".json"), json);
        }
        assertThat(report.metrics().get("writes")).as("seed %d did some work", seed).isPositive();
        if (report.metrics().get("maxDivergentKeys") > 0 && report.metrics().get("aeRowsStreamed") > 0) {
            SWEEPS_THAT_HEALED.incrementAndGet();
        }
        assertThat(lost).as("seed %d: acknowledged writes whose data is missing (not a skew overwrite)", seed)
                .isEqualTo(bySkew);
        if (!json.contains("clockSkew")) {
            assertThat(bySkew).as("seed %d: no skew, no overwrite by design", seed).isZero();
        }
        for (ExpectationResult result : report.expectations()) {
            assertThat(result.passed()).as("seed %d: %s -> %s (scenario in target/fuzz-failures/seed-%d.json)",
                    seed, result.description(), result.detail(), seed).isTrue();
        }
    }

    static LongStream everyFifthSeed() {
        return LongStream.rangeClosed(1, SEEDS).filter(seed -> seed % 5 == 0);
    }

    /** Snapshots (seeking in the window) must hold under every kind of fault: a copy runs on exactly as the original. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("everyFifthSeed")
    void aCopyTakenMidScheduleRunsOnExactlyAsTheOriginal(long seed) throws Exception {
        Scenario scenario = new ScenarioLoader().parse(FaultSchedules.scenario(seed), "fault schedule " + seed);
        ScenarioRun original = new ScenarioRun(scenario, seed);
        long cut = scenario.duration() * (10 + seed % 80) / 100;
        while (original.sim().nextEventTime() >= 0 && original.sim().nextEventTime() <= cut) {
            original.sim().step();
        }
        ScenarioRun copy = original.copy();
        RunReport fromCopy = copy.runToEnd();
        RunReport fromOriginal = original.runToEnd();
        assertThat(fromCopy.traceDigest()).as("seed %d, copied at %s", seed, cut).isEqualTo(fromOriginal.traceDigest());
        assertThat(fromCopy.metrics()).isEqualTo(fromOriginal.metrics());
    }

    @Test
    void sameSeedSameJournal() throws Exception {
        Scenario scenario = new ScenarioLoader().parse(FaultSchedules.scenario(17), "seed 17");
        String first = new ScenarioRun(scenario, 17).runToEnd().traceDigest();
        String second = new ScenarioRun(scenario, 17).runToEnd().traceDigest();
        assertThat(first).isEqualTo(second);
    }
}
