/**
 * JMH benchmarks and the harness that runs them and prints medians, spreads and ratios:
 * {@code mvn -B -DskipTests test-compile exec:exec@bench}. Not unit tests: nothing here asserts
 * a time.
 */
package dev.repairscope.bench;
