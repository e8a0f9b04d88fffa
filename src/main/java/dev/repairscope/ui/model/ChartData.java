package dev.repairscope.ui.model;

import dev.repairscope.check.DivergenceSample;
import dev.repairscope.check.Oracle;
import dev.repairscope.sim.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart series over simulated time, all taken from the run itself: divergence and stale reads
 * from the oracle's own samples; repair traffic and hint queues counted from the journal and read
 * at fixed bucket boundaries, so the same run gives the same points at any playback speed.
 */
public final class ChartData {
    /** Most points a series gets over the scenario's duration. */
    static final int MAX_POINTS = 400;

    /** One point: simulated time in microseconds, and a value. */
    public record Point(long at, double value) {
    }

    /** The series, in the order the charts show them. */
    public enum Series {
        DIVERGENT_HOT("divergent keys, hot"),
        DIVERGENT_COLD("divergent keys, cold"),
        STALE_READS("stale reads (total)"),
        HINTS_QUEUED("hints queued (all nodes)"),
        BYTES_HINTS("hinted handoff bytes"),
        BYTES_READ_REPAIR("read repair bytes"),
        BYTES_ANTI_ENTROPY("anti-entropy bytes");

        private final String label;

        Series(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long bucket;
    private final int sampleStride;
    private final Map<Series, List<Point>> points = new EnumMap<>(Series.class);
    private final Map<Kinds.Mechanism, Long> bytes = new EnumMap<>(Kinds.Mechanism.class);
    private final Map<String, Long> hintsByHolder = new LinkedHashMap<>();
    private long hintsQueued;
    private long nextBoundary;
    private int samplesRead;

    /**
     * @param duration the scenario's duration (sets the bucket width so a run gives at most
     *                 {@link #MAX_POINTS} points)
     * @param sampleInterval the oracle's sampling interval
     */
    public ChartData(long duration, long sampleInterval) {
        long interval = Math.max(1, sampleInterval);
        this.bucket = Math.max(interval, ceilDiv(Math.max(1, duration), MAX_POINTS));
        this.sampleStride = (int) Math.max(1, bucket / interval);
        for (Series s : Series.values()) {
            points.put(s, new ArrayList<>());
        }
        for (Kinds.Mechanism m : Kinds.Mechanism.values()) {
            bytes.put(m, 0L);
        }
        this.nextBoundary = 0;
    }

    /** Counts one journal event (called in journal order). */
    void onEvent(Event event) {
        emitBefore(event.at());
        if (event instanceof Event.MessageSent sent) {
            Kinds.Mechanism mechanism = Kinds.mechanismOf(Kinds.byLabel(sent.kind()));
            if (mechanism != null) {
                bytes.merge(mechanism, (long) sent.bytes(), Long::sum);
            }
        } else if (event instanceof Event.HintStored stored) {
            hintsQueued++;
            hintsByHolder.merge(stored.holder(), 1L, Long::sum);
        } else if (event instanceof Event.HintReplayed replayed) {
            release(replayed.holder());
        } else if (event instanceof Event.HintDropped dropped) {
            release(dropped.holder());
        }
    }

    private void release(String holder) {
        long held = hintsByHolder.getOrDefault(holder, 0L);
        if (held > 0) {
            hintsByHolder.put(holder, held - 1);
            hintsQueued--;
        }
    }

    /** Emits the boundaries the clock has passed and reads the oracle's new samples. */
    void catchUp(long now, Oracle oracle) {
        emitBefore(now);
        List<DivergenceSample> samples = oracle.samples();
        for (; samplesRead < samples.size(); samplesRead++) {
            if (samplesRead % sampleStride != 0) {
                continue;
            }
            DivergenceSample s = samples.get(samplesRead);
            points.get(Series.DIVERGENT_HOT).add(new Point(s.at(), s.hotDivergent()));
            points.get(Series.DIVERGENT_COLD).add(new Point(s.at(), s.coldDivergent()));
            points.get(Series.STALE_READS).add(new Point(s.at(), s.staleReads()));
        }
    }

    /** Every boundary strictly before {@code time} gets the value counted so far. */
    private void emitBefore(long time) {
        while (nextBoundary < time) {
            points.get(Series.HINTS_QUEUED).add(new Point(nextBoundary, hintsQueued));
            points.get(Series.BYTES_HINTS).add(new Point(nextBoundary, bytes.get(Kinds.Mechanism.HINTED_HANDOFF)));
            points.get(Series.BYTES_READ_REPAIR).add(new Point(nextBoundary, bytes.get(Kinds.Mechanism.READ_REPAIR)));
            points.get(Series.BYTES_ANTI_ENTROPY).add(new Point(nextBoundary, bytes.get(Kinds.Mechanism.ANTI_ENTROPY)));
            nextBoundary += bucket;
        }
    }

    public List<Point> points(Series series) {
        return Collections.unmodifiableList(points.get(series));
    }

    /** Repair bytes sent so far by a mechanism (every message of its kinds the journal announced). */
    public long bytes(Kinds.Mechanism mechanism) {
        return bytes.get(mechanism);
    }

    /** Hints stored minus hints replayed or dropped, per the journal. */
    public long hintsQueued() {
        return hintsQueued;
    }

    public long bucket() {
        return bucket;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
