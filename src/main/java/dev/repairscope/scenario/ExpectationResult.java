package dev.repairscope.scenario;

/** How one expectation turned out: what it asserted, whether it held, and what was actually seen. */
public record ExpectationResult(String description, boolean passed, String detail, long at) {
}
