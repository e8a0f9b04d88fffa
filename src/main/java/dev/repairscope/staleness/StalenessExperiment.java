package dev.repairscope.staleness;

import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.sim.RandomSource;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One staleness experiment: which quorums, which latencies, which instants after commit, how many
 * trials. {@link #run()} plays every trial on the simulated cluster and returns the figures.
 *
 * @param n replicas (N)
 * @param r replies a read waits for (R)
 * @param w acks a write waits for (W)
 * @param profile the four legs and where the replicas sit
 * @param times instants after commit at which reads are issued, in microseconds (sorted, distinct)
 * @param trials independent trials, each with its own key
 * @param seed the seed every random draw derives from
 * @param writes writes sent to all N replicas, or confined to exactly W
 * @param versions writes per trial (k): the read after the last one reports whether it returned one of
 *                 the last 1, 2, ..., k versions
 * @param readRepair null for none at all (WARS: every replica asked for data, answer from the first R,
 *                   nothing written back); otherwise the read repair mode switched on, which also
 *                   decides which replicas a read asks (see {@link ReadRepairMode}); a trial's reads then
 *                   hit its key in turn, so an earlier read's repair can serve a later one
 * @param readRepairChance the share of reads that check every replica, for the probabilistic mode
 */
public record StalenessExperiment(int n, int r, int w, LatencyProfile profile, List<Long> times, int trials, long seed,
                                  WriteScope writes, int versions, ReadRepairMode readRepair, double readRepairChance) {

    public static final int MAX_VERSIONS = 10;
    public static final int MAX_TIMES = 1_000;
    public static final long MAX_OPERATIONS = 50_000_000L;

    public StalenessExperiment {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(writes, "writes");
        if (n < 1 || r < 1 || w < 1 || r > n || w > n) {
            throw new IllegalArgumentException("need 1 <= R <= N and 1 <= W <= N; got N=" + n + " R=" + r + " W=" + w);
        }
        levelFor(r, n, "R");
        levelFor(w, n, "W");
        if (times == null || times.isEmpty()) {
            throw new IllegalArgumentException("give at least one instant t after commit");
        }
        if (times.stream().anyMatch(t -> t == null || t < 0)) {
            throw new IllegalArgumentException("instants after commit cannot be negative: " + times);
        }
        times = List.copyOf(new TreeSet<>(times));
        if (times.size() > MAX_TIMES) {
            throw new IllegalArgumentException("at most " + MAX_TIMES + " instants t, got " + times.size());
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (versions < 1 || versions > MAX_VERSIONS) {
            throw new IllegalArgumentException("k (writes per trial) must be 1.." + MAX_VERSIONS + ", got " + versions);
        }
        if ((long) trials * (times.size() + versions) > MAX_OPERATIONS) {
            throw new IllegalArgumentException(trials + " trials of " + versions + " write(s) and " + times.size()
                    + " read(s) are too many: every latency is kept for the percentiles, so trials x (writes + reads)"
                    + " must stay under " + MAX_OPERATIONS);
        }
        if (readRepairChance < 0 || readRepairChance > 1) {
            throw new IllegalArgumentException("the read repair chance must be in [0, 1], got " + readRepairChance);
        }
        profile.placement().extraDelays(n); // fails early on a placement that does not fit N
    }

    /** WARS as the paper runs it: writes to all N, one version, no repair. */
    public static StalenessExperiment wars(int n, int r, int w, LatencyProfile profile, List<Long> times, int trials,
                                           long seed) {
        return new StalenessExperiment(n, r, w, profile, times, trials, seed, WriteScope.ALL, 1, null, 0);
    }

    public StalenessExperiment withWrites(WriteScope scope) {
        return new StalenessExperiment(n, r, w, profile, times, trials, seed, scope, versions, readRepair, readRepairChance);
    }

    public StalenessExperiment withVersions(int k) {
        return new StalenessExperiment(n, r, w, profile, times, trials, seed, writes, k, readRepair, readRepairChance);
    }

    public StalenessExperiment withSeed(long other) {
        return new StalenessExperiment(n, r, w, profile, times, trials, other, writes, versions, readRepair, readRepairChance);
    }

    public StalenessExperiment withTrials(int count) {
        return new StalenessExperiment(n, r, w, profile, times, count, seed, writes, versions, readRepair, readRepairChance);
    }

    public StalenessExperiment withReadRepair(ReadRepairMode mode, double chance) {
        return new StalenessExperiment(n, r, w, profile, times, trials, seed, writes, versions, mode, chance);
    }

    /** Plays every trial on the simulated cluster. */
    public StalenessResult run() {
        Tally tally = new Tally(this);
        RandomSource.Stream batchSeeds = new RandomSource(seed).stream("staleness.batches");
        int perBatch = trialsPerBatch();
        for (int first = 0; first < trials; first += perBatch) {
            long batchSeed = batchSeeds.uniform(Long.MIN_VALUE, Long.MAX_VALUE);
            new TrialBatch(this, tally, batchSeed, first, Math.min(perBatch, trials - first)).run();
        }
        return tally.result();
    }

    /** A short sentence naming the setting, for reports. */
    public String describe() {
        return "N=" + n + " R=" + r + " W=" + w + ", " + profile.describe() + "; writes " + writes.explanation()
                + (versions > 1 ? ", " + versions + " writes per key" : "") + "; "
                + (readRepair == null ? "reads ask every replica and answer from the first R, no repair"
                : "read repair " + readRepair + (readRepair == ReadRepairMode.PROBABILISTIC
                        ? " (chance " + readRepairChance + ")" : "") + ": " + readRepair.explanation());
    }

    /**
     * Trials simulated together in one fresh cluster: enough to amortise the set-up, few enough that
     * the batch's event queue and journal stay small (about 500 client operations: larger batches run
     * markedly slower, smaller ones gain nothing).
     */
    int trialsPerBatch() {
        return Math.max(1, 500 / (versions + times.size()));
    }

    /** The consistency level that waits for exactly {@code count} of {@code n} replicas. */
    static ConsistencyLevel levelFor(int count, int n, String which) {
        if (count == 1) {
            return ConsistencyLevel.ONE;
        }
        if (count == n) {
            return ConsistencyLevel.ALL;
        }
        if (count == 2) {
            return ConsistencyLevel.TWO;
        }
        if (count == 3) {
            return ConsistencyLevel.THREE;
        }
        if (count == ConsistencyLevel.QUORUM.blockFor(n)) {
            return ConsistencyLevel.QUORUM;
        }
        throw new IllegalArgumentException(which + "=" + count + " with N=" + n + ": no consistency level waits for "
                + "exactly " + count + " replicas (ONE, TWO, THREE, QUORUM = " + ConsistencyLevel.QUORUM.blockFor(n)
                + ", ALL = " + n + ")");
    }
}
