package dev.repairscope.check;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named property of a run, reused by tests, the CLI and the UI badge. {@code check} returns the
 * violation in one sentence, or empty when the property holds.
 */
public record Invariant(String name, String description, Function<Oracle, Optional<String>> check) {

    public static final Invariant NO_LOST_WRITES = new Invariant("no-lost-writes",
            "every acknowledged write is still reflected by its replicas", oracle -> {
                List<Long> lost = oracle.lostWrites();
                return lost.isEmpty() ? Optional.empty()
                        : Optional.of(lost.size() + " acknowledged write(s) lost: ops " + head(lost));
            });

    public static final Invariant NO_STALE_READS = new Invariant("no-stale-reads",
            "no read returned something older than a write acknowledged before it began", oracle ->
            oracle.staleReads() == 0 ? Optional.empty()
                    : Optional.of(oracle.staleReads() + " stale read(s): ops " + head(oracle.staleReadOps())));

    public static final Invariant CONVERGED = new Invariant("converged",
            "every key's replicas hold the same versions", oracle -> {
                List<String> divergent = oracle.divergentKeys();
                return divergent.isEmpty() ? Optional.empty()
                        : Optional.of(divergent.size() + " key(s) still diverge: " + head(divergent));
            });

    public static final Invariant MONOTONIC_READS = new Invariant("monotonic-reads",
            "no read of a key returned an older version than the read of it before", oracle ->
            oracle.nonMonotonicReads() == 0 ? Optional.empty()
                    : Optional.of(oracle.nonMonotonicReads() + " read(s) went back in time"));

    public static final List<Invariant> ALL = List.of(NO_LOST_WRITES, NO_STALE_READS, CONVERGED, MONOTONIC_READS);

    public static Optional<Invariant> named(String name) {
        return ALL.stream().filter(i -> i.name.equals(name)).findFirst();
    }

    public Optional<String> violation(Oracle oracle) {
        return check.apply(oracle);
    }

    private static String head(List<?> items) {
        List<?> shown = items.subList(0, Math.min(5, items.size()));
        return shown + (items.size() > 5 ? " ..." : "");
    }
}
