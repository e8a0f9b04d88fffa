package dev.repairscope.staleness;

import java.util.Objects;

/**
 * A named set of WARS legs and where the replicas sit.
 *
 * @param name the paper's name ("LNKD-SSD") or "exponential"
 * @param source where the parameters come from, for reports
 */
public record LatencyProfile(String name, Legs legs, Placement placement, String source) {

    public LatencyProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(legs, "legs");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(source, "source");
    }

    public LatencyProfile withPlacement(Placement other) {
        return new LatencyProfile(name, legs, other, source);
    }

    public String describe() {
        return name + " (" + legs.describe() + "; " + placement.describe() + ")";
    }
}
