package dev.repairscope.staleness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the trials of every batch add up to: counts per (t, k) and every latency. */
final class Tally {
    private final StalenessExperiment experiment;
    private final long[] reads;
    private final long[][] within; // [t index][k - 1]
    private long[] readLatencies = new long[1024];
    private int readCount;
    private long[] writeLatencies = new long[1024];
    private int writeCount;
    private long repairWrites;

    Tally(StalenessExperiment experiment) {
        this.experiment = experiment;
        this.reads = new long[experiment.times().size()];
        this.within = new long[experiment.times().size()][experiment.versions()];
    }

    /**
     * A read issued at the {@code timeIndex}-th t returned the version {@code rank} writes back from
     * the last (1 = the last write, 0 = none of this trial's writes).
     */
    void read(int timeIndex, int rank, long latency) {
        reads[timeIndex]++;
        if (rank > 0) {
            for (int k = rank; k <= within[timeIndex].length; k++) {
                within[timeIndex][k - 1]++;
            }
        }
        if (readCount == readLatencies.length) {
            readLatencies = Arrays.copyOf(readLatencies, readCount * 2);
        }
        readLatencies[readCount++] = latency;
    }

    void write(long latency) {
        if (writeCount == writeLatencies.length) {
            writeLatencies = Arrays.copyOf(writeLatencies, writeCount * 2);
        }
        writeLatencies[writeCount++] = latency;
    }

    void repairWrites(long count) {
        repairWrites += count;
    }

    StalenessResult result() {
        List<StalenessResult.Point> points = new ArrayList<>();
        for (int i = 0; i < reads.length; i++) {
            List<Long> counts = Arrays.stream(within[i]).boxed().toList();
            points.add(new StalenessResult.Point(experiment.times().get(i), reads[i], counts));
        }
        return new StalenessResult(experiment, points, StalenessResult.Percentiles.of(readLatencies, readCount),
                StalenessResult.Percentiles.of(writeLatencies, writeCount), repairWrites);
    }
}
