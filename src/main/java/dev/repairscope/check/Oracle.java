package dev.repairscope.check;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Storage;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.LongKeyMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a run through its journal and judges it: stale reads as they complete, divergence on a
 * sampling tick, lost acknowledged writes on demand.
 */
public final class Oracle {
    /** Share of the most-read keys counted as hot. */
    static final double HOT_SHARE = 0.1;

    private final Cluster cluster;
    /** Every write that wrote something, in completion order. */
    private final List<WriteRecord> writes = new ArrayList<>();
    /**
     * The same writes by operation id, indexed up to {@link #writesIndexed} when a lookup needs it:
     * only judging lost writes looks writes up, so a run does not pay for the index on every write.
     */
    private final LongKeyMap<WriteRecord> writesById = new LongKeyMap<>();
    private int writesIndexed;
    /** What the oracle knows per key: one lookup per journal event instead of one per table. */
    private final Map<String, KeyLog> keys = new HashMap<>();
    /** The keys read at least once, in the order of their first read (the hot share is a tenth of those). */
    private final List<KeyLog> keysRead = new ArrayList<>();
    private final List<Long> staleReadOps = new ArrayList<>();
    private final List<DivergenceSample> samples = new ArrayList<>();
    /** Divergence is kept up to date incrementally: only keys a replica changed since the last look are checked again. */
    private final java.util.TreeSet<String> divergent = new java.util.TreeSet<>();
    private final java.util.Set<String> touchedKeys = new java.util.HashSet<>();
    private long storageWritesSeen = -1;
    private final LatencyStats writeLatency = new LatencyStats();
    private final LatencyStats readLatency = new LatencyStats();
    private long reads;
    private long failedReads;
    private long failedWrites;
    private long nonMonotonicReads;

    public Oracle(Cluster cluster, long sampleInterval) {
        this.cluster = cluster;
        cluster.sim().journal().subscribe(this::observe);
        if (sampleInterval > 0) {
            scheduleSample(sampleInterval);
        }
    }

    /** Everything the oracle keeps about one key. */
    private static final class KeyLog {
        final String key;
        /** Acknowledged writes, in acknowledgement order. */
        final List<WriteRecord> acknowledged = new ArrayList<>();
        /** When each of them ended, in the same order: searched on every read without touching the records. */
        long[] acknowledgedAt = new long[4];
        /** The newest (LWW) acknowledged version among the first i acknowledged writes, at index i - 1. */
        final List<Stamp> newestAcknowledged = new ArrayList<>();
        /** Completed reads in completion order with the newest version returned so far. */
        final java.util.ArrayDeque<ReadMark> readMarks = new java.util.ArrayDeque<>();
        /** Reads started. */
        int reads;

        KeyLog(String key) {
            this.key = key;
        }
    }

    private KeyLog log(String key) {
        KeyLog log = keys.get(key);
        if (log == null) {
            log = new KeyLog(key);
            keys.put(key, log);
        }
        return log;
    }

    // ---- observing the journal ----------------------------------------------------------------

    private void observe(Event event) {
        if (event instanceof Event.ReplicaApplied applied) {
            if (applied.changed()) { // a replica that already had the version: the key's divergence is as it was
                touchedKeys.add(applied.key());
            }
            storageWritesSeen++;
        } else if (event instanceof Event.TombstonePurged purged) {
            touchedKeys.add(purged.key());
            storageWritesSeen++;
        } else if (event instanceof Event.OperationStarted started) {
            if ("READ".equals(started.type())) {
                KeyLog log = log(started.key());
                if (log.reads++ == 0) {
                    keysRead.add(log);
                }
            }
        } else if (event instanceof Event.OperationCompleted done) {
            long start = done.at() - done.latency(); // an operation's latency runs from the instant it started
            if ("READ".equals(done.type())) {
                readCompleted(done, start);
            } else {
                writeCompleted(done, start);
            }
        }
    }

    private void writeCompleted(Event.OperationCompleted done, long start) {
        boolean ok = "OK".equals(done.outcome());
        if (ok) {
            writeLatency.add(done.latency());
        } else {
            failedWrites++;
        }
        if (done.versions().isEmpty()) {
            return; // refused before anything was written
        }
        WriteRecord record = new WriteRecord(done.op(), done.key(), start, done.at(), ok, Stamp.parse(done.versions().get(0)));
        writes.add(record);
        if (ok) {
            KeyLog log = log(done.key());
            if (log.acknowledged.size() == log.acknowledgedAt.length) {
                log.acknowledgedAt = java.util.Arrays.copyOf(log.acknowledgedAt, log.acknowledgedAt.length * 2);
            }
            log.acknowledgedAt[log.acknowledged.size()] = record.endedAt();
            log.acknowledged.add(record);
            List<Stamp> newest = log.newestAcknowledged;
            Stamp previous = newest.isEmpty() ? null : newest.get(newest.size() - 1);
            newest.add(previous != null && previous.covers(record.stamp()) ? previous : record.stamp());
        }
    }

    private void readCompleted(Event.OperationCompleted done, long start) {
        if (!"OK".equals(done.outcome())) {
            failedReads++;
            return;
        }
        reads++;
        readLatency.add(done.latency());
        List<Stamp> returned = new ArrayList<>(done.versions().size());
        for (String version : done.versions()) {
            returned.add(Stamp.parse(version));
        }
        KeyLog log = log(done.key());
        if (isStale(log, start, returned)) {
            staleReadOps.add(done.op());
        }
        checkMonotonic(log, start, done.at(), returned);
    }

    /**
     * Stale: some write acknowledged before the read began is not covered by what it returned.
     * Acknowledgements arrive in time order, so the writes acknowledged before {@code start} are a
     * prefix of the key's list; under last-write-wins the newest of a prefix is kept alongside.
     */
    private boolean isStale(KeyLog log, long start, List<Stamp> returned) {
        List<WriteRecord> acked = log.acknowledged;
        int before = prefixEndedBy(log.acknowledgedAt, acked.size(), start);
        if (before == 0) {
            return false;
        }
        if (cluster.config().versioning() == dev.repairscope.cluster.Versioning.LWW) {
            Stamp newest = log.newestAcknowledged.get(before - 1);
            return !covered(returned, newest);
        }
        for (int i = 0; i < before; i++) {
            Stamp written = acked.get(i).stamp();
            if (!covered(returned, written)) {
                return true;
            }
        }
        return false;
    }

    /** Does any returned version cover {@code version}? */
    private static boolean covered(List<Stamp> returned, Stamp version) {
        for (Stamp stamp : returned) {
            if (stamp.covers(version)) {
                return true;
            }
        }
        return false;
    }

    /** How many of the first {@code count} acknowledged writes (their ends, in acknowledgement order) ended at or before {@code time}. */
    private static int prefixEndedBy(long[] endedAt, int count, long time) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (endedAt[mid] <= time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private record ReadMark(long endedAt, Stamp newestSoFar) {
    }

    /**
     * A read must not return anything older than what a read of the same key that finished before
     * it began returned (overlapping reads may legitimately disagree).
     */
    private void checkMonotonic(KeyLog log, long start, long end, List<Stamp> returned) {
        java.util.ArrayDeque<ReadMark> marks = log.readMarks;
        Stamp before = null;
        for (java.util.Iterator<ReadMark> it = marks.descendingIterator(); it.hasNext(); ) {
            ReadMark mark = it.next();
            if (mark.endedAt() <= start) {
                before = mark.newestSoFar();
                break;
            }
        }
        Stamp seen = before;
        if (seen != null && !covered(returned, seen)) {
            nonMonotonicReads++;
        }
        if (returned.isEmpty()) {
            return;
        }
        Stamp newest = returned.get(returned.size() - 1);
        ReadMark last = marks.peekLast();
        if (last != null && last.newestSoFar().covers(newest)) {
            newest = last.newestSoFar();
        }
        marks.addLast(new ReadMark(end, newest));
        // no read lasts longer than the read timeout, so older marks matter only through the newest of them
        long horizon = end - cluster.config().readTimeout();
        while (marks.size() > 1 && marks.peekFirst().endedAt() < horizon) {
            java.util.Iterator<ReadMark> it = marks.iterator();
            it.next();
            if (it.next().endedAt() < horizon) {
                marks.pollFirst();
            } else {
                break;
            }
        }
    }

    // ---- divergence ---------------------------------------------------------------------------

    private void scheduleSample(long interval) {
        cluster.sim().after(interval, () -> {
            samples.add(sampleNow());
            scheduleSample(interval);
        });
    }

    /** Divergence right now, hot and cold apart. */
    public DivergenceSample sampleNow() {
        List<String> divergent = divergentKeys();
        int hotCount = hotAmong(divergent);
        return new DivergenceSample(cluster.sim().now(), divergent.size(), hotCount, divergent.size() - hotCount,
                staleReadOps.size());
    }

    /** Keys whose primary replicas (up or down) do not all hold the same versions. */
    public List<String> divergentKeys() {
        if (storageWritesSeen != storageWrites()) {
            rescanDivergence(); // a change the journal did not announce (a test writing to storage directly)
        } else {
            for (String key : touchedKeys) {
                if (diverged(key)) {
                    divergent.add(key);
                } else {
                    divergent.remove(key);
                }
            }
        }
        touchedKeys.clear();
        return new ArrayList<>(divergent);
    }

    /** Every key, every replica: the divergent set from scratch. */
    private void rescanDivergence() {
        divergent.clear();
        for (String node : cluster.nodes()) {
            for (String key : cluster.storage(node).rows().keySet()) {
                if (!divergent.contains(key) && diverged(key)) {
                    divergent.add(key);
                }
            }
        }
        storageWritesSeen = storageWrites();
    }

    private long storageWrites() {
        long total = 0;
        for (String node : cluster.nodes()) {
            total += cluster.storage(node).writes();
        }
        return total;
    }

    public boolean diverged(String key) {
        List<String> replicas = cluster.ring().replicasFor(key);
        long digest = Storage.digest(cluster.storage(replicas.get(0)).get(key));
        for (int i = 1; i < replicas.size(); i++) {
            if (Storage.digest(cluster.storage(replicas.get(i)).get(key)) != digest) {
                return true;
            }
        }
        return false;
    }

    /** The most-read tenth of the keys read so far (at least one key once anything was read). */
    public java.util.Set<String> hotKeys() {
        HotCut cut = hotCut();
        java.util.Set<String> hot = new java.util.HashSet<>(cut.tiedAndHot());
        for (KeyLog log : keysRead) {
            if (log.reads > cut.reads()) {
                hot.add(log.key);
            }
        }
        return hot;
    }

    /**
     * Where the hot keys end. Keys rank by reads (more first), ties by name; the first tenth are
     * hot. Every key read more than {@code reads} times is hot; of those read exactly that often,
     * the ones in {@code tiedAndHot}. Found by sorting the counts alone (primitive ints), not the keys.
     */
    private record HotCut(int reads, java.util.Set<String> tiedAndHot) {
        boolean contains(String key, KeyLog log) {
            return log != null && log.reads > 0 && (log.reads > reads || log.reads == reads && tiedAndHot.contains(key));
        }
    }

    private HotCut hotCut() {
        int hot = keysRead.isEmpty() ? 0 : Math.max(1, (int) Math.round(keysRead.size() * HOT_SHARE));
        if (hot == 0) {
            return new HotCut(Integer.MAX_VALUE, java.util.Set.of());
        }
        int[] counts = new int[keysRead.size()]; // only keys read rank
        for (int i = 0; i < counts.length; i++) {
            counts[i] = keysRead.get(i).reads;
        }
        java.util.Arrays.sort(counts);
        int threshold = counts[counts.length - hot];
        int above = 0; // keys read more often than the threshold: fewer than the hot tenth, counted from the top
        while (counts[counts.length - 1 - above] > threshold) {
            above++;
        }
        List<String> tied = new ArrayList<>();
        for (KeyLog log : keysRead) {
            if (log.reads == threshold) {
                tied.add(log.key);
            }
        }
        Collections.sort(tied);
        return new HotCut(threshold, new java.util.HashSet<>(tied.subList(0, hot - above)));
    }

    /** How many of {@code keys} are hot. */
    private int hotAmong(List<String> candidates) {
        if (candidates.isEmpty()) {
            return 0; // the usual case between faults: no need to rank anything
        }
        HotCut cut = hotCut();
        int count = 0;
        for (String key : candidates) {
            if (cut.contains(key, keys.get(key))) {
                count++;
            }
        }
        return count;
    }

    // ---- lost writes --------------------------------------------------------------------------

    /** Why an acknowledged write is no longer reflected by its replicas. */
    enum Loss {
        /** It is (or is superseded by an overlapping or later write): not lost. */
        NONE,
        /** Last-write-wins kept an earlier write whose timestamp was higher: clock skew, by design. */
        OVERWRITTEN_BY_CLOCK_SKEW,
        /** Its data is gone: the replicas hold only older versions. */
        MISSING
    }

    /**
     * Acknowledged writes that no replica reflects any more: the key's reconciled state across its
     * replicas neither is the write nor comes from a write that overlapped or followed it. Includes
     * those that last-write-wins overwrote by design ({@link #overwrittenByClockSkew()}).
     */
    public List<Long> lostWrites() {
        return writesLost(EnumSet.of(Loss.OVERWRITTEN_BY_CLOCK_SKEW, Loss.MISSING));
    }

    /** The lost writes that an earlier write with a later (skewed) timestamp beat: LWW doing what it does. */
    public List<Long> overwrittenByClockSkew() {
        return writesLost(EnumSet.of(Loss.OVERWRITTEN_BY_CLOCK_SKEW));
    }

    private List<Long> writesLost(java.util.Set<Loss> kinds) {
        List<Long> lost = new ArrayList<>();
        for (KeyLog log : keys.values()) {
            for (WriteRecord write : log.acknowledged) {
                if (kinds.contains(classify(write))) {
                    lost.add(write.op());
                }
            }
        }
        Collections.sort(lost);
        return lost;
    }

    private Loss classify(WriteRecord write) {
        List<Cell> merged = List.of();
        for (String replica : cluster.ring().replicasFor(write.key())) {
            merged = cluster.config().versioning().mergeAll(merged, cluster.storage(replica).get(write.key()));
        }
        if (merged.isEmpty()) {
            return Loss.NONE; // nothing left at all: only a purged delete can leave that, and it reads as deleted
        }
        Loss verdict = Loss.MISSING;
        for (Cell cell : merged) {
            Stamp stamp = Stamp.parse(cell.stamp());
            if (cell.writeId() == write.op() || (stamp.clock() != null && stamp.covers(write.stamp()))) {
                return Loss.NONE;
            }
            if (stamp.clock() == null) {
                WriteRecord winner = writeById(cell.writeId());
                if (winner == null || winner.endedAt() > write.startedAt()) {
                    return Loss.NONE; // an overlapping or later write replaced it
                }
                if (stamp.timestamp() > write.stamp().timestamp()) {
                    verdict = Loss.OVERWRITTEN_BY_CLOCK_SKEW;
                }
            }
        }
        return verdict;
    }

    private WriteRecord writeById(long op) {
        for (; writesIndexed < writes.size(); writesIndexed++) {
            WriteRecord write = writes.get(writesIndexed);
            writesById.put(write.op(), write);
        }
        return writesById.get(op);
    }

    // ---- numbers for reports ------------------------------------------------------------------

    public long reads() {
        return reads;
    }

    public long failedReads() {
        return failedReads;
    }

    public long failedWrites() {
        return failedWrites;
    }

    public long acknowledgedWrites() {
        return keys.values().stream().mapToLong(log -> log.acknowledged.size()).sum();
    }

    public long staleReads() {
        return staleReadOps.size();
    }

    public List<Long> staleReadOps() {
        return Collections.unmodifiableList(staleReadOps);
    }

    public long nonMonotonicReads() {
        return nonMonotonicReads;
    }

    public List<DivergenceSample> samples() {
        return Collections.unmodifiableList(samples);
    }

    public LatencyStats writeLatency() {
        return writeLatency;
    }

    public LatencyStats readLatency() {
        return readLatency;
    }

    public Cluster cluster() {
        return cluster;
    }
}
