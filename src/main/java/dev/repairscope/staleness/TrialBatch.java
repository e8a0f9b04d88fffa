package dev.repairscope.staleness;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.ClusterConfig;
import dev.repairscope.cluster.ConsistencyLevel;
import dev.repairscope.cluster.OperationResult;
import dev.repairscope.cluster.Outcome;
import dev.repairscope.cluster.ReadRepairPolicy;
import dev.repairscope.cluster.Ring;
import dev.repairscope.cluster.Versioning;
import dev.repairscope.net.LatencyDistribution;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.repair.readrepair.ReadRepair;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.RandomSource;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of trials played on one fresh simulated cluster. Nodes n1..nN hold the replicas; after
 * them come, per client site, a writer and a reader node that hold no replica (so a coordinator
 * never answers itself, as in WARS). Every trial writes its own key, whose preference list is
 * exactly n1..nN, then reads it at each t after the last write committed.
 */
final class TrialBatch {
    /** Timeouts and gc_grace far beyond any latency draw (a Pareto draw is capped at one hour). */
    private static final long NEVER = Durations.seconds(86_400L * 365);

    /** WARS's read path: ask every replica for full data, answer from the first R replies, write nothing back. */
    static final ReadRepairPolicy WARS_READS = key -> new ReadRepairPolicy.Plan(true, true, ReadRepairPolicy.Repair.NONE,
            false);

    private final StalenessExperiment experiment;
    private final Tally tally;
    private final int firstTrial;
    private final int count;
    private final long[] times;
    private final Simulation sim;
    private final Cluster cluster;
    private final List<String> replicas;
    private final List<String> writers = new ArrayList<>();
    private final List<String> readers = new ArrayList<>();
    private final RandomSource.Stream siteRandom;
    private final ConsistencyLevel writeLevel;
    private final ConsistencyLevel readLevel;
    private final long lowestToken;
    private final long highestToken;
    private int openTrials;

    TrialBatch(StalenessExperiment experiment, Tally tally, long seed, int firstTrial, int count) {
        this.experiment = experiment;
        this.tally = tally;
        this.firstTrial = firstTrial;
        this.count = count;
        this.times = experiment.times().stream().mapToLong(Long::longValue).toArray();
        this.writeLevel = StalenessExperiment.levelFor(experiment.w(), experiment.n(), "W");
        this.readLevel = StalenessExperiment.levelFor(experiment.r(), experiment.n(), "R");
        int n = experiment.n();
        long[][] extra = experiment.profile().placement().extraDelays(n);
        ClusterConfig config = new ClusterConfig(n + 2 * extra.length, n, 1, Versioning.LWW, Map.of(), NEVER, NEVER,
                NEVER, NEVER, NEVER);
        List<String> nodes = config.nodeNames();
        this.replicas = nodes.subList(0, n);
        for (int site = 0; site < extra.length; site++) {
            writers.add(nodes.get(n + 2 * site));
            readers.add(nodes.get(n + 2 * site + 1));
        }
        this.sim = new Simulation(seed);
        this.siteRandom = sim.random().stream("staleness.site");
        Network network = new Network(sim, nodes);
        setLatencies(network, experiment.profile().legs(), extra);
        this.cluster = new Cluster(sim, config, network);
        this.lowestToken = cluster.ring().tokens().keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        this.highestToken = cluster.ring().tokens().keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        if (experiment.writes() == WriteScope.CONFINED) {
            cluster.setHandoff(new ConfinedWrites(Set.copyOf(writers), experiment.w(),
                    sim.random().stream("staleness.writeQuorum")));
        }
        if (experiment.readRepair() == null) {
            cluster.setReadRepair(WARS_READS);
        } else {
            new ReadRepair(cluster, experiment.readRepair(), experiment.readRepairChance()); // installs itself
        }
    }

    /**
     * Each leg on its message kinds; a remote replica's links carry the same legs plus the extra
     * delay. (Read-repair writes travel as W and A locally; on a remote link they take the reader's
     * link, R and S plus the delay, since a link has one latency for every kind.)
     */
    private void setLatencies(Network network, Legs legs, long[][] extra) {
        network.setDefaultLatency(legs.r());
        network.setKindLatency(MessageKind.WRITE, legs.w());
        network.setKindLatency(MessageKind.READ_REPAIR, legs.w());
        network.setKindLatency(MessageKind.WRITE_ACK, legs.a());
        network.setKindLatency(MessageKind.READ_REPAIR_ACK, legs.a());
        network.setKindLatency(MessageKind.READ_DATA, legs.r());
        network.setKindLatency(MessageKind.READ_DIGEST, legs.r());
        network.setKindLatency(MessageKind.READ_RESPONSE, legs.s());
        for (int site = 0; site < extra.length; site++) {
            for (int i = 0; i < replicas.size(); i++) {
                long delay = extra[site][i];
                if (delay > 0) {
                    String replica = replicas.get(i);
                    network.setLinkLatency(writers.get(site), replica, new LatencyDistribution.Shifted(delay, legs.w()));
                    network.setLinkLatency(replica, writers.get(site), new LatencyDistribution.Shifted(delay, legs.a()));
                    network.setLinkLatency(readers.get(site), replica, new LatencyDistribution.Shifted(delay, legs.r()));
                    network.setLinkLatency(replica, readers.get(site), new LatencyDistribution.Shifted(delay, legs.s()));
                }
            }
        }
    }

    /** Starts every trial at time zero and steps the simulation until every read has answered. */
    void run() {
        for (int i = 0; i < count; i++) {
            Trial trial = new Trial(keyFor(firstTrial + i));
            openTrials++;
            write(trial, 0);
        }
        while (openTrials > 0) {
            if (!sim.step()) {
                throw new IllegalStateException("the simulation ran dry with " + openTrials + " trial(s) unfinished");
            }
        }
        tally.repairWrites(cluster.counters().get("readRepairWrites"));
    }

    /** One trial: its key, the op ids of its writes in order, the reads answered so far. */
    private final class Trial {
        final String key;
        final long[] writeIds = new long[experiment.versions()];
        int answered;

        Trial(String key) {
            this.key = key;
        }
    }

    private void write(Trial trial, int version) {
        cluster.write(pick(writers), trial.key, "v" + (version + 1), writeLevel, result -> committed(trial, version, result));
    }

    private void committed(Trial trial, int version, OperationResult result) {
        require(result);
        tally.write(result.latency());
        trial.writeIds[version] = result.op();
        if (version + 1 < trial.writeIds.length) {
            sim.after(0, () -> write(trial, version + 1));
            return;
        }
        long commit = sim.now();
        for (int i = 0; i < times.length; i++) {
            int timeIndex = i;
            sim.at(commit + times[i], () -> cluster.read(pick(readers), trial.key, readLevel,
                    read -> answered(trial, timeIndex, read)));
        }
    }

    private void answered(Trial trial, int timeIndex, OperationResult result) {
        require(result);
        tally.read(timeIndex, rankOf(trial, result.cells()), result.latency());
        if (++trial.answered == times.length) {
            openTrials--;
        }
    }

    /** 1 when the read returned the trial's last write, 2 for the one before, ...; 0 for none of them. */
    private static int rankOf(Trial trial, List<Cell> cells) {
        int best = 0;
        long[] ids = trial.writeIds;
        for (Cell cell : cells) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == cell.writeId()) {
                    int rank = ids.length - i;
                    best = best == 0 ? rank : Math.min(best, rank);
                }
            }
        }
        return best;
    }

    /**
     * A key whose replicas are exactly n1..nN, in that order: one whose token falls in n1's range,
     * at or below n1's token (the lowest) or past the highest. The ring confirms the choice.
     */
    private String keyFor(int trial) {
        for (int attempt = 0; ; attempt++) {
            String key = "s" + trial + "." + attempt;
            long token = Ring.tokenOf(key);
            if ((token <= lowestToken || token > highestToken) && cluster.ring().replicasFor(key).equals(replicas)) {
                return key;
            }
        }
    }

    /** The coordinator at the client's site: the only one, or one chosen uniformly at random. */
    private String pick(List<String> coordinators) {
        return coordinators.size() == 1 ? coordinators.get(0) : coordinators.get(siteRandom.nextInt(coordinators.size()));
    }

    private static void require(OperationResult result) {
        if (result.outcome() != Outcome.OK) {
            throw new IllegalStateException("a " + result.type() + " of " + result.key() + " failed with "
                    + result.outcome() + " (" + result.detail() + "): the staleness lab assumes no failures");
        }
    }
}
