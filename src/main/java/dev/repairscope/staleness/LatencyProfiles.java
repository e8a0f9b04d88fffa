package dev.repairscope.staleness;

import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.LatencyDistribution.Exponential;
import dev.repairscope.net.LatencyDistribution.Mixture;
import dev.repairscope.net.LatencyDistribution.Pareto;
import dev.repairscope.net.LatencyDistribution.Weighted;
import dev.repairscope.sim.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The latency profiles fitted in the PBS paper (Bailis et al., VLDB 2012, table "Distribution fits
 * for production latency distributions"), named as the paper names them, plus exponential legs with
 * settable rates (the paper's "latency tail effects" sweep).
 *
 * <p>Parameters, as the table gives them (x_m in ms, lambda per ms; an exponential with rate
 * lambda has mean 1/lambda ms):
 * <pre>
 * LNKD-SSD   W = A = R = S:  91.22% Pareto(x_m = .235, alpha = 10)  +  8.78% Exponential(lambda = 1.66)
 * LNKD-DISK  A = R = S as LNKD-SSD;
 *            W:              38% Pareto(x_m = 1.05, alpha = 1.51)   +  62% Exponential(lambda = .183)
 * YMMR       W:              93.9% Pareto(x_m = 3, alpha = 3.35)     +  6.1% Exponential(lambda = .0028)
 *            A = R = S:      98.2% Pareto(x_m = 1.5, alpha = 3.8)    +  1.8% Exponential(lambda = .0217)
 * WAN        LNKD-DISK legs; each replica in its own datacenter, remote operations and responses
 *            delayed by 75 ms; reads and writes routed to random datacenters.
 * </pre>
 * Source: the paper's LaTeX in the authors' repository pbailis/pbs-vldb-historical-paper-material,
 * {@code writeup/ernst.tex} (table {@code table:fits} and the WAN paragraph), checked against the
 * authors' simulator in the same repository ({@code nrw_solver/src/Simulator.java}: LinkedSSDDelay,
 * LinkedDiskDelay, YammerDelayModel, and WAN = LinkedDiskDelay with a 75 ms datacenter delay).
 * One discrepancy: that simulator draws YMMR's W Pareto with alpha 3.5, the table says 3.35; we
 * follow the table. The text read is a draft of the paper kept in that repository, not the
 * camera-ready PDF; the figures match the ones the authors' code uses (except that alpha).
 *
 * <p>Our distributions draw whole microseconds: an exponential mean of 1/1.66 ms becomes 602 us.
 */
public final class LatencyProfiles {
    public static final String PAPER = "Bailis et al., PBS, VLDB 2012, table of distribution fits";

    /** The extra one-way delay between datacenters in the paper's WAN profile. */
    public static final long WAN_DELAY = Durations.ms(75);

    private LatencyProfiles() {
    }

    /** The preset names: LNKD-SSD, LNKD-DISK, YMMR, WAN (exponential takes rates: see {@link #exponential}). */
    public static List<String> presetNames() {
        return List.of("LNKD-SSD", "LNKD-DISK", "YMMR", "WAN");
    }

    /** The preset with this name (case-insensitive), if any. */
    public static Optional<LatencyProfile> preset(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "LNKD-SSD" -> Optional.of(lnkdSsd());
            case "LNKD-DISK" -> Optional.of(lnkdDisk());
            case "YMMR" -> Optional.of(ymmr());
            case "WAN" -> Optional.of(wan());
            default -> Optional.empty();
        };
    }

    /** LinkedIn Voldemort on SSDs: network and CPU bound, every leg alike. */
    public static LatencyProfile lnkdSsd() {
        return new LatencyProfile("LNKD-SSD", Legs.of(lnkdSsdLeg(), lnkdSsdLeg()), new Placement.SingleDatacenter(),
                PAPER);
    }

    /** LinkedIn Voldemort on spinning disks: LNKD-SSD's A, R, S and a slow, long-tailed W. */
    public static LatencyProfile lnkdDisk() {
        return new LatencyProfile("LNKD-DISK", Legs.of(lnkdDiskWrite(), lnkdSsdLeg()), new Placement.SingleDatacenter(),
                PAPER);
    }

    /** Yammer's Riak (N=3, R=W=2 in production): writes wait for fsync, a very long W tail. */
    public static LatencyProfile ymmr() {
        return new LatencyProfile("YMMR", Legs.of(
                paretoWithExponentialTail(93.9, 6.1, 3.0, 3.35, 0.0028),
                paretoWithExponentialTail(98.2, 1.8, 1.5, 3.8, 0.0217)), new Placement.SingleDatacenter(), PAPER);
    }

    /** LNKD-DISK legs across datacenters 75 ms apart, client at a random datacenter per operation. */
    public static LatencyProfile wan() {
        return new LatencyProfile("WAN", Legs.of(lnkdDiskWrite(), lnkdSsdLeg()),
                new Placement.DatacenterPerReplica(WAN_DELAY), PAPER);
    }

    /**
     * Exponential legs: W with rate {@code wRatePerMs}, A, R and S with rate {@code arsRatePerMs}
     * (mean 1/rate ms). The paper's anchors: N=3, R=W=1, A=R=S rate 1; W rate 4 gives 94% consistent
     * reads at t=0, W rate 0.1 gives 41%.
     */
    public static LatencyProfile exponential(double wRatePerMs, double arsRatePerMs) {
        return new LatencyProfile("exponential", Legs.of(exponentialLeg(wRatePerMs, "W"), exponentialLeg(arsRatePerMs, "A=R=S")),
                new Placement.SingleDatacenter(), "exponential legs, W rate " + wRatePerMs + "/ms, A=R=S rate "
                + arsRatePerMs + "/ms");
    }

    private static LatencyDistribution lnkdSsdLeg() {
        return paretoWithExponentialTail(91.22, 8.78, 0.235, 10, 1.66);
    }

    private static LatencyDistribution lnkdDiskWrite() {
        return paretoWithExponentialTail(38, 62, 1.05, 1.51, 0.183);
    }

    /** {@code paretoPercent}% Pareto(x_m ms, alpha), {@code exponentialPercent}% exponential with rate lambda per ms. */
    static LatencyDistribution paretoWithExponentialTail(double paretoPercent, double exponentialPercent, double xmMs,
                                                         double alpha, double lambdaPerMs) {
        return new Mixture(List.of(
                new Weighted(paretoPercent, new Pareto(Durations.ms(xmMs), alpha)),
                new Weighted(exponentialPercent, new Exponential(0, Math.round(1000 / lambdaPerMs)))));
    }

    private static LatencyDistribution exponentialLeg(double ratePerMs, String leg) {
        if (!(ratePerMs > 0) || Double.isInfinite(ratePerMs)) {
            throw new IllegalArgumentException("the " + leg + " rate must be a positive number per ms, got " + ratePerMs);
        }
        long mean = Math.round(1000 / ratePerMs);
        if (mean < 1) {
            throw new IllegalArgumentException("the " + leg + " rate " + ratePerMs
                    + "/ms is too fast: the simulation counts whole microseconds");
        }
        return new Exponential(0, mean);
    }
}
