package dev.repairscope.staleness;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The figures of one experiment.
 *
 * @param points one per instant t after commit, in order
 * @param readLatency client-observed read latency over every read
 * @param writeLatency client-observed write latency (start to commit) over every write
 * @param repairWrites read-repair writes sent (0 unless a read repair mode is on)
 */
public record StalenessResult(StalenessExperiment experiment, List<Point> points, Percentiles readLatency,
                              Percentiles writeLatency, long repairWrites) {

    /** The target of "how long until it is safe": 99.9% of reads consistent. */
    public static final double SAFE = 0.999;

    public StalenessResult {
        points = List.copyOf(points);
    }

    /**
     * The reads issued {@code t} after commit.
     *
     * @param consistentWithin entry k-1 counts the reads that returned one of the last k versions
     */
    public record Point(long t, long reads, List<Long> consistentWithin) {
        public Point {
            consistentWithin = List.copyOf(consistentWithin);
        }

        /** P(consistent): the share of reads that returned the latest write. */
        public double consistent() {
            return consistentWithin(1);
        }

        /** The share of reads that returned one of the last {@code k} versions (k-staleness). */
        public double consistentWithin(int k) {
            return reads == 0 ? 0 : (double) consistentWithin.get(k - 1) / reads;
        }
    }

    /** Nearest-rank percentiles in microseconds. */
    public record Percentiles(long count, long p50, long p99, long p999) {
        static Percentiles of(long[] values, int size) {
            if (size == 0) {
                return new Percentiles(0, 0, 0, 0);
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new Percentiles(size, rank(sorted, 50), rank(sorted, 99), rank(sorted, 99.9));
        }

        private static long rank(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    /** The closed-form static-quorum figure for k versions (exact when writes are confined to W replicas). */
    public double closedForm(int k) {
        return ClosedForm.consistentWithin(experiment.n(), experiment.r(), experiment.w(), k);
    }

    /** The first listed t at which at least {@code target} of reads were consistent, if any. */
    public OptionalLong tReaching(double target) {
        return tReaching(target, 1);
    }

    /** The first listed t at which at least {@code target} of reads returned one of the last k versions. */
    public OptionalLong tReaching(double target, int k) {
        for (Point point : points) {
            if (point.consistentWithin(k) >= target) {
                return OptionalLong.of(point.t());
            }
        }
        return OptionalLong.empty();
    }
}
