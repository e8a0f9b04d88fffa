package dev.repairscope.bench;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Seek by deterministic replay: rebuild the run from its seed and run to the target time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SeekBench {
    @Param({"60", "300", "600"})
    public int targetSeconds;

    Scenario tenMinutes;

    @Setup
    public void setUp() {
        tenMinutes = BenchScenarios.tenMinutes();
    }

    @Benchmark
    public long seekByReplay() {
        ScenarioRun run = new ScenarioRun(tenMinutes, tenMinutes.seed());
        long target = Durations.seconds(targetSeconds);
        while (run.sim().nextEventTime() >= 0 && run.sim().nextEventTime() <= target) {
            run.sim().step();
        }
        return run.sim().stepsRun();
    }
}
