package dev.repairscope.repair.antientropy;

import dev.repairscope.sim.Counters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One repair run (a sweep over every replica pair, or one pair) and where its sessions get their
 * trees. Settings are fixed when the job's first session starts.
 *
 * <p>Build-on-repair (Cassandra): the job validates every replica it involves once, when it
 * starts, and every pair is compared against those same snapshots; so, as in Cassandra, a row
 * missing on n3 shows up for both {n1,n3} and {n2,n3} even though the first session already
 * streamed it. A replica down at that moment is validated when a session first needs it.
 *
 * <p>Incremental (Riak): each session asks both replicas to bring their live trees up to date
 * (rehash dirty segments) when it starts, so a later exchange sees what an earlier one repaired.
 */
final class RepairJob {
    private final AntiEntropy antiEntropy;
    private final Map<String, TreeSet<Integer>> rangesByNode = new TreeMap<>();
    private final Map<String, Map<Integer, MerkleTree>> validated = new HashMap<>();
    private AntiEntropySettings settings;

    RepairJob(AntiEntropy antiEntropy) {
        this.antiEntropy = antiEntropy;
    }

    /** Registers a pair's shared ranges (before the job starts). */
    void involve(String a, String b, List<Integer> ranges) {
        rangesByNode.computeIfAbsent(a, n -> new TreeSet<>()).addAll(ranges);
        rangesByNode.computeIfAbsent(b, n -> new TreeSet<>()).addAll(ranges);
    }

    /** Fixes the settings and, for build-on-repair, validates every live replica. Idempotent. */
    void startOnce() {
        if (settings != null) {
            return;
        }
        settings = antiEntropy.settings();
        if (settings.maintenance() == TreeMaintenance.BUILD_ON_REPAIR) {
            for (String node : rangesByNode.keySet()) {
                if (antiEntropy.cluster().network().isUp(node)) {
                    validate(node);
                }
            }
        }
    }

    AntiEntropySettings settings() {
        return settings;
    }

    /** The node's trees over {@code ranges}, ready to compare. */
    Map<Integer, MerkleTree> trees(String node, List<Integer> ranges) {
        Counters counters = antiEntropy.cluster().counters();
        if (settings.maintenance() == TreeMaintenance.INCREMENTAL) {
            IncrementalTrees.Prepared prepared = antiEntropy.incremental().prepare(node, ranges, settings.depth());
            counters.add(AntiEntropy.SCAN_ROWS, prepared.rowsScanned());
            counters.add(AntiEntropy.LEAVES_REHASHED, prepared.leavesRehashed());
            return prepared.snapshots();
        }
        Map<Integer, MerkleTree> known = validated.get(node);
        Map<Integer, MerkleTree> mine = known != null && known.keySet().containsAll(ranges) ? known : validate(node);
        Map<Integer, MerkleTree> subset = new TreeMap<>();
        ranges.forEach(r -> subset.put(r, mine.get(r)));
        return subset;
    }

    private Map<Integer, MerkleTree> validate(String node) {
        TreeBuilder.Validation validation = TreeBuilder.validate(antiEntropy.cluster().storage(node),
                antiEntropy.ranges(), rangesByNode.get(node), settings.depth());
        antiEntropy.cluster().counters().add(AntiEntropy.SCAN_ROWS, validation.rowsScanned());
        validated.put(node, validation.trees());
        return validation.trees();
    }
}
