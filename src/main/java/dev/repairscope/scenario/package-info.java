/**
 * Scenario files: the JSON format (bound by Jackson into {@code ScenarioFile} records), its
 * validation with errors that name file, line, column and field, and {@link dev.repairscope.scenario.ScenarioRun},
 * which builds the cluster, the mechanisms and the oracle from a scenario, plays its timeline and
 * workload, and evaluates its expectations. The same run drives the headless CLI and the window.
 * {@code RunSnapshots} keeps copies of a run as it plays, so going back costs one copy and a short
 * replay instead of the whole prefix.
 */
package dev.repairscope.scenario;
