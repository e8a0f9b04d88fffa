package dev.repairscope.check;

import java.util.Arrays;

/** Latencies of completed operations (microseconds), with percentiles for reports. */
public final class LatencyStats {
    private long[] values = new long[64];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    public int count() {
        return size;
    }

    /** The p-th percentile (0..100) by nearest rank, or 0 with no data. */
    public long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    public double mean() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? 0 : (double) sum / size;
    }
}
