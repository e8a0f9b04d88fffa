package dev.repairscope.bench;

import dev.repairscope.scenario.RunSnapshots;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Seeking in a ten-minute run at 200 client operations a second. The run is played once in setup,
 * taking snapshots as the window does ({@link RunSnapshots}, default spacing); a seek then thaws the
 * latest snapshot at or before the target and replays the rest. {@link #seekByReplay} is the
 * old way, from the seed, for comparison; {@link #takeOneSnapshot} is what playing pays per snapshot.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.SERIAL_GC, BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.PRE_TOUCH})
@Warmup(iterations = 4)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SeekBench {
    @Param({"60", "300", "600"})
    public int targetSeconds;

    Scenario tenMinutes;
    RunSnapshots snapshots;
    ScenarioRun atTarget;

    @Setup
    public void setUp() {
        tenMinutes = BenchScenarios.tenMinutes();
        snapshots = new RunSnapshots();
        ScenarioRun run = new ScenarioRun(tenMinutes, tenMinutes.seed());
        while (run.sim().nextEventTime() >= 0 && run.sim().nextEventTime() <= tenMinutes.duration()) {
            run.sim().step();
            snapshots.offer(run, 0);
            if (atTarget == null && run.sim().nextEventTime() > Durations.seconds(targetSeconds)) {
                atTarget = run.copy();
            }
        }
    }

    @Benchmark
    public long seekWithSnapshots() {
        long target = Durations.seconds(targetSeconds);
        ScenarioRun run = snapshots.atOrBefore(target).thaw();
        return runTo(run, target);
    }

    @Benchmark
    public long seekByReplay() {
        return runTo(new ScenarioRun(tenMinutes, tenMinutes.seed()), Durations.seconds(targetSeconds));
    }

    @Benchmark
    public long takeOneSnapshot() {
        return atTarget.copy().sim().stepsRun();
    }

    private static long runTo(ScenarioRun run, long target) {
        while (run.sim().nextEventTime() >= 0 && run.sim().nextEventTime() <= target) {
            run.sim().step();
        }
        return run.sim().stepsRun();
    }
}
