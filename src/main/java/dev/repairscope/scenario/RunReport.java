package dev.repairscope.scenario;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a run, as the CLI prints it.
 *
 * @param events journal events recorded
 * @param steps simulation steps run (scheduled actions executed)
 * @param traceDigest SHA-256 of the journal: equal digests mean identical runs
 */
public record RunReport(String scenario, long seed, long simulatedMs, long events, long steps, String traceDigest,
                        List<ExpectationResult> expectations, Map<String, Long> metrics) {

    public boolean passed() {
        return expectations.stream().allMatch(ExpectationResult::passed);
    }
}
