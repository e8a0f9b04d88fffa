package dev.repairscope.bench;

/**
 * The JVM every benchmark fork runs in, the same for all so that figures side by side compare:
 * {@code @Fork(value = 1, jvmArgsAppend = {BenchJvm.SERIAL_GC, BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.PRE_TOUCH})}.
 * <ul>
 *   <li>The serial collector: the targets are for one core, and the serial collector does all of
 *       its work on the thread it stops, where G1 would spread its concurrent refinement and
 *       marking over the second core (and charge write barriers to the measured code).</li>
 *   <li>A fixed heap, as JMH advises: without it the young generation starts small and grows
 *       during the run, and collections land at random in the measured iterations.</li>
 *   <li>The heap's pages touched at start: otherwise the first pass through fresh memory pays a
 *       page fault per 4 KiB inside the timed code, and a benchmark that allocates more (the busy
 *       cluster) pays more of them than one that allocates little (the bare queue).</li>
 * </ul>
 * To measure under another collector, override from the command line (JMH's own option), e.g.
 * {@code -Dbench.args="-jvmArgsAppend '-XX:+UseG1GC -Xms3g -Xmx3g -XX:+AlwaysPreTouch' SimulationBench"}.
 */
final class BenchJvm {
    static final String SERIAL_GC = "-XX:+UseSerialGC";
    static final String HEAP_MIN = "-Xms3g";
    static final String HEAP_MAX = "-Xmx3g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    private BenchJvm() {
    }
}
