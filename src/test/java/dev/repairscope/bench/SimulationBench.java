package dev.repairscope.bench;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.RandomSource;
import dev.repairscope.sim.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulation throughput: one invocation runs the busy cluster for {@link #SECONDS} simulated
 * seconds; {@link #floor} pushes the same number of steps through the bare event queue, each step
 * scheduling the next at a random delay, doing no other work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.SERIAL_GC, BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.PRE_TOUCH})
// single shots: a run is one invocation, and the simulation's code reaches its compiled steady
// state only after a dozen runs or so; the first 20 warm it up
@Warmup(iterations = 20)
@Measurement(iterations = 15)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulationBench {
    static final int SECONDS = 20;
    /** Timers kept in flight by the floor, about as many as the busy cluster keeps pending. */
    static final int IN_FLIGHT = 2_000;

    Scenario busy;
    long steps;

    @Setup
    public void setUp() {
        busy = BenchScenarios.busyCluster(SECONDS);
        ScenarioRun probe = new ScenarioRun(busy, busy.seed());
        probe.sim().runUntil(busy.duration());
        steps = probe.sim().stepsRun();
    }

    /** The simulation to its end (end-of-run expectations included), not the report made afterwards. */
    @Benchmark
    public long busyCluster() {
        ScenarioRun run = new ScenarioRun(busy, busy.seed());
        run.sim().runUntil(busy.duration());
        return run.sim().stepsRun();
    }

    @Benchmark
    public long floor() {
        Simulation sim = new Simulation(1);
        RandomSource.Stream random = sim.random().stream("floor");
        long[] left = {steps};
        for (int i = 0; i < IN_FLIGHT; i++) {
            schedule(sim, random, left);
        }
        while (sim.step()) {
            // every step is one of the no-op timers
        }
        return sim.stepsRun();
    }

    private static void schedule(Simulation sim, RandomSource.Stream random, long[] left) {
        if (left[0]-- <= 0) {
            return;
        }
        sim.after(random.uniform(1, 5_000), () -> schedule(sim, random, left));
    }
}
