/**
 * JMH benchmarks and the harness that runs them and prints medians, spreads and ratios:
 * {@code mvn -B -DskipTests test-compile exec:exec@bench}; and {@code InterleavedRuns}, which
 * compares builds of the project by running their busy clusters in turn in one JVM (this host is
 * too noisy for runs minutes apart to compare). Not unit tests: nothing here asserts a time.
 */
package dev.repairscope.bench;
