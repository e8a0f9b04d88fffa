package dev.repairscope.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares builds of RepairScope on this shared, noisy machine: the busy cluster of
 * {@link SimulationBench} from two or more checkouts, in one JVM, taking turns run by run. Minutes
 * apart the same build's median moves by half; taking turns, both builds see the same moments.
 * Each build is loaded in its own class loader from {@code DIR/target/classes} and
 * {@code DIR/target/test-classes} (so build each checkout with {@code mvn -DskipTests test-compile}
 * first); only the dependency jars are shared. Works with older checkouts too: it calls nothing
 * but {@code BenchScenarios.busyCluster}, the run's public API and {@link SimulationBench#floor},
 * by reflection, outside the timing. The first build's bare-queue floor takes its turn as well, so
 * each build's ratio to the floor comes from the same moments.
 *
 * <p>{@code mvn -B -DskipTests test-compile exec:exec@bench -Dbench.args="InterleavedRuns DIR_A DIR_B [runs]"}
 * (the JVM is the serial one of {@link BenchJvm}: {@code -XX:+UseSerialGC -Xms3g -Xmx3g
 * -XX:+AlwaysPreTouch} belong on the command line when run by hand). The first third of the runs
 * warm up; medians are of the rest.
 */
public final class InterleavedRuns {
    private InterleavedRuns() {
    }

    /** One build's busy cluster, ready to run again and again. */
    private record Build(String name, Object scenario, java.lang.reflect.Constructor<?> newRun, long seed,
                         long duration, Method sim, Method runUntil, Method stepsRun) {

        static Build load(String dir, List<URL> jars) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String classes : List.of("target/classes", "target/test-classes")) {
                Path path = Path.of(dir, classes);
                if (!Files.isDirectory(path)) {
                    throw new IllegalArgumentException(path + " is missing: build that checkout with mvn -DskipTests test-compile");
                }
                urls.add(path.toUri().toURL());
            }
            urls.addAll(jars);
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Method busy = loader.loadClass("dev.repairscope.bench.BenchScenarios").getDeclaredMethod("busyCluster", int.class);
            busy.setAccessible(true);
            Object scenario = busy.invoke(null, SimulationBench.SECONDS);
            Class<?> scenarioType = loader.loadClass("dev.repairscope.scenario.Scenario");
            Class<?> runType = loader.loadClass("dev.repairscope.scenario.ScenarioRun");
            Class<?> simType = loader.loadClass("dev.repairscope.sim.Simulation");
            return new Build(dir, scenario, runType.getConstructor(scenarioType, long.class),
                    (long) scenarioType.getMethod("seed").invoke(scenario),
                    (long) scenarioType.getMethod("duration").invoke(scenario),
                    runType.getMethod("sim"), simType.getMethod("runUntil", long.class), simType.getMethod("stepsRun"));
        }

        /** This build's {@link SimulationBench}, set up (it counts the busy cluster's steps for its floor). */
        Object newFloor() throws Exception {
            Object bench = newRun.getDeclaringClass().getClassLoader().loadClass("dev.repairscope.bench.SimulationBench")
                    .getConstructor().newInstance();
            bench.getClass().getMethod("setUp").invoke(bench);
            return bench;
        }

        /** One run from the seed to the end; returns nanoseconds and reports the steps it ran. */
        long runOnce(long[] steps) throws Exception {
            long start = System.nanoTime();
            Object sim = this.sim.invoke(newRun.newInstance(scenario, seed));
            runUntil.invoke(sim, duration);
            long elapsed = System.nanoTime() - start;
            steps[0] = (long) stepsRun.invoke(sim);
            return elapsed;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> dirs = new ArrayList<>(List.of(args));
        int runs = 60;
        if (!dirs.isEmpty() && dirs.get(dirs.size() - 1).matches("\\d+")) {
            runs = Integer.parseInt(dirs.remove(dirs.size() - 1));
        }
        if (dirs.size() < 2 || runs < 3) {
            throw new IllegalArgumentException("usage: InterleavedRuns DIR_A DIR_B [DIR_C ...] [runs >= 3]");
        }
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) { // the dependencies; this build's own classes stay out
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        List<Build> builds = new ArrayList<>();
        for (String dir : dirs) {
            builds.add(Build.load(dir, jars));
        }
        Object floorBench = builds.get(0).newFloor();
        Method floor = floorBench.getClass().getMethod("floor");
        long[][] times = new long[builds.size() + 1][runs]; // the last row: the floor
        long[] steps = new long[builds.size()];
        long[] counted = new long[1];
        for (int run = 0; run < runs; run++) {
            for (int turn = 0; turn <= builds.size(); turn++) {
                int b = (turn + run) % (builds.size() + 1); // who goes first rotates too
                if (b == builds.size()) {
                    long start = System.nanoTime();
                    floor.invoke(floorBench);
                    times[b][run] = System.nanoTime() - start;
                } else {
                    times[b][run] = builds.get(b).runOnce(counted);
                    steps[b] = counted[0];
                }
            }
        }
        int warm = runs / 3;
        System.out.printf(Locale.ROOT, "busy cluster, %d runs per build taking turns, medians of the last %d:%n", runs, runs - warm);
        double floorMedian = median(times[builds.size()], warm);
        double first = median(times[0], warm);
        for (int b = 0; b < builds.size(); b++) {
            double median = median(times[b], warm);
            System.out.printf(Locale.ROOT, "  %-40s %7.1f ms, %,d steps, speed-up over the first %.2fx, ratio to the floor %.2f%n",
                    builds.get(b).name(), median, steps[b], first / median, floorMedian / median);
        }
        System.out.printf(Locale.ROOT, "  %-40s %7.1f ms (the first build's bare queue, same number of steps)%n",
                "floor", floorMedian);
    }

    private static double median(long[] times, int warm) {
        long[] measured = Arrays.copyOfRange(times, warm, times.length);
        Arrays.sort(measured);
        return measured[measured.length / 2] / 1e6;
    }
}
