package dev.repairscope.staleness;

import dev.repairscope.net.LatencyDistribution;
import java.util.Objects;

/**
 * The four one-way legs of the WARS model, each a latency distribution drawn independently per
 * message: W (write request to a replica), A (its acknowledgement), R (read request to a replica),
 * S (the replica's response).
 */
public record Legs(LatencyDistribution w, LatencyDistribution a, LatencyDistribution r, LatencyDistribution s) {

    public Legs {
        Objects.requireNonNull(w, "W leg");
        Objects.requireNonNull(a, "A leg");
        Objects.requireNonNull(r, "R leg");
        Objects.requireNonNull(s, "S leg");
    }

    /** W on its own, and one distribution for A, R and S (the form of every fit in the paper). */
    public static Legs of(LatencyDistribution w, LatencyDistribution ars) {
        return new Legs(w, ars, ars, ars);
    }

    public String describe() {
        if (a.equals(r) && r.equals(s)) {
            return w.equals(a) ? "W=A=R=S: " + w.describe() : "W: " + w.describe() + "; A=R=S: " + a.describe();
        }
        return "W: " + w.describe() + "; A: " + a.describe() + "; R: " + r.describe() + "; S: " + s.describe();
    }
}
