package dev.repairscope.net;

import dev.repairscope.sim.Durations;
import dev.repairscope.sim.RandomSource;
import java.util.List;
import java.util.stream.Collectors;

/** One-way delay of a message, in microseconds, drawn from a seeded stream. */
public sealed interface LatencyDistribution {

    long sample(RandomSource.Stream random);

    /** Mean delay in microseconds (infinite for Pareto with shape <= 1). */
    double expectedMicros();

    String describe();

    /** Always the same delay. */
    record Constant(long micros) implements LatencyDistribution {
        public long sample(RandomSource.Stream random) {
            return micros;
        }

        public double expectedMicros() {
            return micros;
        }

        public String describe() {
            return "constant " + Durations.format(micros);
        }
    }

    /** Uniform in [min, max]. */
    record Uniform(long min, long max) implements LatencyDistribution {
        public long sample(RandomSource.Stream random) {
            return random.uniform(min, max + 1);
        }

        public double expectedMicros() {
            return (min + max) / 2.0;
        }

        public String describe() {
            return "uniform " + Durations.format(min) + ".." + Durations.format(max);
        }
    }

    /** {@code min} plus an exponential tail with the given mean (the PBS paper's fits are of this form). */
    record Exponential(long min, long mean) implements LatencyDistribution {
        public long sample(RandomSource.Stream random) {
            return min + Math.round(-Math.log(1 - random.nextDouble()) * mean);
        }

        public double expectedMicros() {
            return min + (double) mean;
        }

        public String describe() {
            return "exponential mean " + Durations.format(mean) + (min > 0 ? " + " + Durations.format(min) : "");
        }
    }

    /** Pareto with scale {@code xm} (the minimum) and shape {@code alpha}: a heavy tail. */
    record Pareto(long xm, double alpha) implements LatencyDistribution {
        /** Cap on one draw so a heavy tail cannot overflow simulated time: one hour. */
        static final long CAP = 3_600_000_000L;

        public long sample(RandomSource.Stream random) {
            double u = 1 - random.nextDouble();
            double x = xm / Math.pow(u, 1 / alpha);
            return (long) Math.min(CAP, Math.round(x));
        }

        public double expectedMicros() {
            return alpha <= 1 ? Double.POSITIVE_INFINITY : alpha * xm / (alpha - 1);
        }

        public String describe() {
            return "Pareto xm " + Durations.format(xm) + " alpha " + alpha;
        }
    }

    /** A weighted choice between distributions (e.g. 95% fast local, 5% slow remote). */
    record Mixture(List<Weighted> parts) implements LatencyDistribution {
        public Mixture {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a mixture needs at least one part");
            }
        }

        public long sample(RandomSource.Stream random) {
            double total = parts.stream().mapToDouble(Weighted::weight).sum();
            double pick = random.nextDouble() * total;
            for (Weighted part : parts) {
                pick -= part.weight();
                if (pick < 0) {
                    return part.distribution().sample(random);
                }
            }
            return parts.get(parts.size() - 1).distribution().sample(random);
        }

        public double expectedMicros() {
            double total = parts.stream().mapToDouble(Weighted::weight).sum();
            return parts.stream().mapToDouble(p -> p.weight() / total * p.distribution().expectedMicros()).sum();
        }

        public String describe() {
            return parts.stream().map(p -> p.weight() + " x " + p.distribution().describe())
                    .collect(Collectors.joining(" + ", "mixture of ", ""));
        }
    }

    record Weighted(double weight, LatencyDistribution distribution) {
    }

    /** {@code base} plus a fixed {@code offset}: the extra distance to a replica in a remote datacenter. */
    record Shifted(long offset, LatencyDistribution base) implements LatencyDistribution {
        public long sample(RandomSource.Stream random) {
            return offset + base.sample(random);
        }

        public double expectedMicros() {
            return offset + base.expectedMicros();
        }

        public String describe() {
            return base.describe() + " + " + Durations.format(offset);
        }
    }
}
