package dev.repairscope.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * Copies of one run taken every so many steps as it goes, so that going back costs one copy plus a
 * short replay instead of the whole prefix from the seed. Kept to a bounded number: when full,
 * every other one is let go and the spacing doubles (a long run keeps an even spread).
 */
public final class RunSnapshots {
    /** Steps between snapshots at first: a replay of that many steps takes well under 0.1 s. */
    public static final long DEFAULT_INTERVAL = 20_000;
    public static final int DEFAULT_KEPT = 64;

    /**
     * One frozen copy. {@code actionsApplied} is the caller's count of its own recorded actions
     * already in this state (the window's clicks), so a replay from here re-applies only the rest.
     */
    public record Snapshot(long steps, long time, int journalSize, int actionsApplied, ScenarioRun frozen) {
        /** A live run from this point on; the snapshot stays as it was, for the next seek. */
        public ScenarioRun thaw() {
            return frozen.copy();
        }
    }

    private final TreeMap<Long, Snapshot> bySteps = new TreeMap<>();
    private final int kept;
    private long interval;
    private long nextAt;

    public RunSnapshots() {
        this(DEFAULT_INTERVAL, DEFAULT_KEPT);
    }

    public RunSnapshots(long interval, int kept) {
        if (interval < 1 || kept < 2) {
            throw new IllegalArgumentException("interval " + interval + " and kept " + kept + " must be at least 1 and 2");
        }
        this.interval = interval;
        this.kept = kept;
        this.nextAt = interval;
    }

    /** True when a run at {@code steps} is far enough past the last snapshot for the next one. */
    public boolean due(long steps) {
        return steps >= nextAt && !bySteps.containsKey(steps);
    }

    /** Takes a snapshot of {@code run} if it has run far enough past the last one. Returns true if taken. */
    public boolean offer(ScenarioRun run, int actionsApplied) {
        long steps = run.sim().stepsRun();
        if (!due(steps)) {
            return false;
        }
        bySteps.put(steps, new Snapshot(steps, run.sim().now(), run.sim().journal().size(), actionsApplied, run.copy()));
        nextAt = steps + interval;
        if (bySteps.size() > kept) {
            thinOut();
        }
        return true;
    }

    /** The latest snapshot at or before simulated time {@code time}, or null. */
    public Snapshot atOrBefore(long time) {
        Snapshot best = null;
        for (Snapshot s : bySteps.values()) {
            if (s.time() > time) {
                break;
            }
            best = s;
        }
        return best;
    }

    /** The latest snapshot whose journal is shorter than {@code journalSize}, or null. */
    public Snapshot beforeJournalSize(int journalSize) {
        Snapshot best = null;
        for (Snapshot s : bySteps.values()) {
            if (s.journalSize() >= journalSize) {
                break;
            }
            best = s;
        }
        return best;
    }

    /** History branched at step {@code steps}: snapshots from there on show a future that won't happen. */
    public void forgetFrom(long steps) {
        bySteps.tailMap(steps, true).clear();
        nextAt = (bySteps.isEmpty() ? 0 : bySteps.lastKey()) + interval;
    }

    public void clear() {
        bySteps.clear();
        nextAt = interval;
    }

    public int size() {
        return bySteps.size();
    }

    public long interval() {
        return interval;
    }

    private void thinOut() {
        boolean keep = true;
        for (var it = bySteps.entrySet().iterator(); it.hasNext(); keep = !keep) {
            Map.Entry<Long, Snapshot> entry = it.next();
            if (!keep) {
                it.remove();
            }
        }
        interval *= 2;
        nextAt = bySteps.lastKey() + interval;
    }
}
