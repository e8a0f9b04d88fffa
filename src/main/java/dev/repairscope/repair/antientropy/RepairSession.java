package dev.repairscope.repair.antientropy;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Ring;
import dev.repairscope.net.Message;
import dev.repairscope.net.MessageKind;
import dev.repairscope.repair.antientropy.ExchangeMessages.HashRequest;
import dev.repairscope.repair.antientropy.ExchangeMessages.HashResponse;
import dev.repairscope.repair.antientropy.ExchangeMessages.Stream;
import dev.repairscope.repair.antientropy.ExchangeMessages.StreamAck;
import dev.repairscope.sim.Counters;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One exchange between a replica pair over every token range they share. Node A (the
 * initiator) drives it:
 * <ol>
 *   <li>start: both replicas' trees are made ready (validation scan, or dirty segments rehashed);</li>
 *   <li>one round trip per level: A sends MERKLE_REQUEST naming the nodes it wants, B answers
 *       MERKLE_RESPONSE with its hashes, A compares them with its own and asks next for the
 *       children of the nodes that differ only;</li>
 *   <li>at the leaves: A streams every row of the differing leaves to B, naming the leaves; B
 *       streams its rows of the same leaves back; each side applies what it receives (merge
 *       reconciles) and acknowledges with STREAM_ACK;</li>
 *   <li>done when A has B's ack and has applied B's stream; failed when an answer does not come
 *       within {@link AntiEntropy#REPLY_TIMEOUT}.</li>
 * </ol>
 * A manual session stops before each next level and before streaming until
 * {@link #step()} is called.
 */
final class RepairSession {
    private final AntiEntropy antiEntropy;
    private final Cluster cluster;
    private final RepairJob job;
    private final long id;
    private final String a;
    private final String b;
    private final List<Integer> ranges;
    private boolean manual;

    private ExchangeView.Phase phase = ExchangeView.Phase.COMPARING;
    private boolean started;
    private int depth;
    private Map<Integer, MerkleTree> treesA;
    private Map<Integer, MerkleTree> treesB;
    private int level;
    /** Per shared range: the nodes asked for at {@code level}. */
    private List<List<Integer>> frontier;
    /** Per shared range: every comparison made, keyed by (level << 32 | index), true when the hashes differed. */
    private final List<TreeMap<Long, Boolean>> marks = new ArrayList<>();
    /** Per shared range: the differing leaves. */
    private final List<TreeSet<Integer>> differingLeaves = new ArrayList<>();
    /** Rows in the differing leaves on each side (planned, then as streamed). */
    private TreeMap<String, List<Cell>> rowsA = new TreeMap<>();
    private TreeMap<String, List<Cell>> rowsB = new TreeMap<>();
    private Runnable pendingStep;
    private Simulation.Timer timeout;
    private long rowsStreamed;
    private long bytesStreamed;
    private int rowsActuallyDiffering;
    private boolean acked;
    private boolean replyApplied;
    private String result = "";

    RepairSession(AntiEntropy antiEntropy, RepairJob job, long id, String a, String b, List<Integer> ranges,
                  boolean manual) {
        this.antiEntropy = antiEntropy;
        this.cluster = antiEntropy.cluster();
        this.job = job;
        this.id = id;
        this.a = a;
        this.b = b;
        this.ranges = List.copyOf(ranges);
        this.manual = manual;
        for (int i = 0; i < ranges.size(); i++) {
            marks.add(new TreeMap<>());
            differingLeaves.add(new TreeSet<>());
        }
    }

    long id() {
        return id;
    }

    boolean manual() {
        return manual;
    }

    boolean finished() {
        return phase == ExchangeView.Phase.IN_SYNC || phase == ExchangeView.Phase.REPAIRED
                || phase == ExchangeView.Phase.FAILED;
    }

    // ---- driving --------------------------------------------------------------------------------

    /** Starts the exchange: readies both trees and asks for the roots. */
    void start() {
        started = true;
        job.startOnce();
        depth = job.settings().depth();
        Simulation sim = cluster.sim();
        counters().increment(AntiEntropy.SESSIONS);
        sim.record(new Event.RepairSessionStarted(sim.now(), id, a, b, describeRanges(), depth));
        if (ranges.isEmpty()) {
            finish(ExchangeView.Phase.IN_SYNC, "had nothing to compare (they replicate no token range in common)");
            return;
        }
        if (!cluster.network().isUp(a)) {
            fail(a + " is down");
            return;
        }
        if (!cluster.failureDetector().believesUp(a, b)) {
            // Cassandra refuses up front: "Cannot proceed on repair because a neighbor is dead"
            fail(a + " believes " + b + " is down; a repair needs both replicas alive");
            return;
        }
        treesA = job.trees(a, ranges);
        if (cluster.network().isUp(b)) {
            treesB = job.trees(b, ranges);
        }
        counters().add(AntiEntropy.NAIVE_COMPARISON_BYTES,
                TreeBuilder.naiveComparisonBytes(cluster.storage(b), antiEntropy.ranges(), new TreeSet<>(ranges)));
        level = 0;
        frontier = new ArrayList<>();
        ranges.forEach(r -> frontier.add(List.of(0)));
        requestLevel();
    }

    /**
     * The user's step: runs the waiting continuation (next level, or the streaming), or turns an
     * automatic exchange into a manual one that stops after the level in flight. False when there
     * is nothing to do until an answer comes back.
     */
    boolean step() {
        if (pendingStep != null) {
            Runnable next = pendingStep;
            pendingStep = null;
            next.run();
            return true;
        }
        if (!manual && phase == ExchangeView.Phase.COMPARING) {
            manual = true;
            return true;
        }
        return false;
    }

    boolean waitingForStep() {
        return pendingStep != null;
    }

    void makeManual() {
        manual = true;
    }

    private void proceed(Runnable next) {
        if (manual) {
            pendingStep = next; // no timer while the user looks: the peer is not being waited for
        } else {
            next.run();
        }
    }

    // ---- comparing, one level per round trip ----------------------------------------------------

    private void requestLevel() {
        phase = ExchangeView.Phase.COMPARING;
        HashRequest request = new HashRequest(id, level, frontier);
        sendHashes(a, b, MessageKind.MERKLE_REQUEST, request.bytes(), request);
        awaitReply("no Merkle hashes from " + b);
    }

    /** At B: answer with B's hashes (building B's trees first if B was down when the session began). */
    private void onHashRequest(HashRequest request) {
        if (treesB == null) {
            treesB = job.trees(b, ranges);
        }
        List<List<Long>> hashes = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            MerkleTree tree = treesB.get(ranges.get(p));
            hashes.add(request.indexes().get(p).stream().map(i -> tree.hash(request.level(), i)).toList());
        }
        HashResponse response = new HashResponse(id, request.level(), hashes);
        sendHashes(b, a, MessageKind.MERKLE_RESPONSE, response.bytes(), response);
    }

    /** At A: compare one level, then descend into the children of the differing nodes only. */
    private void onHashResponse(HashResponse response) {
        if (phase != ExchangeView.Phase.COMPARING || response.level() != level || pendingStep != null) {
            return; // a late or duplicate answer
        }
        cancelTimeout();
        int compared = 0;
        int differing = 0;
        List<List<Integer>> next = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            MerkleTree mine = treesA.get(ranges.get(p));
            List<Integer> asked = frontier.get(p);
            List<Integer> children = new ArrayList<>();
            for (int k = 0; k < asked.size(); k++) {
                int index = asked.get(k);
                boolean differs = mine.hash(level, index) != response.hashes().get(p).get(k);
                marks.get(p).put(((long) level << 32) | index, differs);
                compared++;
                if (differs) {
                    differing++;
                    if (level == depth) {
                        differingLeaves.get(p).add(index);
                    } else {
                        children.add(2 * index);
                        children.add(2 * index + 1);
                    }
                }
            }
            next.add(children);
        }
        counters().add(AntiEntropy.HASHES_COMPARED, compared);
        Simulation sim = cluster.sim();
        sim.record(new Event.MerkleLevelCompared(sim.now(), id, a, b, level, compared, differing));
        if (differing == 0) {
            finish(ExchangeView.Phase.IN_SYNC, "found them in sync");
        } else if (level == depth) {
            leavesFound();
        } else {
            frontier = next;
            level++;
            proceed(this::requestLevel);
        }
    }

    private void leavesFound() {
        planRows();
        int spans = 0;
        for (int p = 0; p < ranges.size(); p++) {
            spans += treesA.get(ranges.get(p)).spans(differingLeaves.get(p)).size();
        }
        counters().add(AntiEntropy.RANGES_OUT_OF_SYNC, spans);
        Simulation sim = cluster.sim();
        sim.record(new Event.RangesOutOfSync(sim.now(), id, a, b, spans, rowsA.size() + rowsB.size()));
        proceed(this::stream);
    }

    // ---- streaming, both ways, whole leaves -----------------------------------------------------

    private void stream() {
        phase = ExchangeView.Phase.STREAMING;
        planRows();
        rowsActuallyDiffering = countDiffering();
        counters().add(AntiEntropy.ROWS_ACTUALLY_DIFFERING, rowsActuallyDiffering);
        Stream out = new Stream(id, cells(rowsA), rowsA.size(), leafLists(), false);
        sendStream(a, b, out);
        awaitReply("the stream with " + b + " did not complete");
    }

    /** At B: note B's own rows of those leaves, apply A's, acknowledge, stream B's rows back. */
    private void onStreamAtB(Stream incoming) {
        TreeMap<String, List<Cell>> mine = rowsOf(b, incoming.leaves());
        cluster.apply(b, incoming.cells(), "anti-entropy stream");
        StreamAck ack = new StreamAck(id, incoming.rows());
        send(b, a, MessageKind.STREAM_ACK, ack.bytes(), ack);
        sendStream(b, a, new Stream(id, cells(mine), mine.size(), List.of(), true));
    }

    /** At A: apply B's rows and acknowledge them. */
    private void onStreamReply(Stream incoming) {
        if (phase != ExchangeView.Phase.STREAMING || replyApplied) {
            return;
        }
        cluster.apply(a, incoming.cells(), "anti-entropy stream");
        replyApplied = true;
        StreamAck ack = new StreamAck(id, incoming.rows());
        send(a, b, MessageKind.STREAM_ACK, ack.bytes(), ack);
        finishIfStreamed();
    }

    private void onStreamAck() {
        if (phase == ExchangeView.Phase.STREAMING) {
            acked = true;
            finishIfStreamed();
        }
    }

    private void finishIfStreamed() {
        if (acked && replyApplied) {
            finish(ExchangeView.Phase.REPAIRED, "succeeded");
        }
    }

    private void sendHashes(String from, String to, MessageKind kind, int bytes, Object payload) {
        if (send(from, to, kind, bytes, payload) >= 0) {
            counters().add(AntiEntropy.MERKLE_BYTES, bytes);
        }
    }

    private void sendStream(String from, String to, Stream stream) {
        if (send(from, to, MessageKind.STREAM, stream.bytes(), stream) >= 0) { // a crashed sender sends nothing
            rowsStreamed += stream.rows();
            bytesStreamed += stream.bytes();
            counters().add(AntiEntropy.ROWS_STREAMED, stream.rows());
            counters().add(AntiEntropy.BYTES_STREAMED, stream.bytes());
        }
    }

    /** Reads the rows of the differing leaves on both replicas now. */
    private void planRows() {
        rowsA = rowsOf(a, leafLists());
        rowsB = rowsOf(b, leafLists());
    }

    /** The node's rows in the given leaves ({@code leaves} runs parallel to the shared ranges). */
    private TreeMap<String, List<Cell>> rowsOf(String node, List<List<Integer>> leaves) {
        Map<Integer, Set<Integer>> byRange = new TreeMap<>();
        for (int p = 0; p < ranges.size(); p++) {
            byRange.put(ranges.get(p), Set.copyOf(leaves.get(p)));
        }
        // both replicas' trees have the same shape: either one gives the leaf boundaries
        return TreeBuilder.rowsIn(cluster.storage(node), antiEntropy.ranges(), treesA, byRange);
    }

    /** Rows the two replicas really disagree on: what a perfect (leafless) repair would send. */
    private int countDiffering() {
        TreeSet<String> keys = new TreeSet<>(rowsA.keySet());
        keys.addAll(rowsB.keySet());
        int differing = 0;
        for (String key : keys) {
            if (!Objects.equals(rowsA.get(key), rowsB.get(key))) {
                differing++;
            }
        }
        return differing;
    }

    private List<List<Integer>> leafLists() {
        return differingLeaves.stream().map(s -> List.copyOf(s)).toList();
    }

    private static List<Cell> cells(TreeMap<String, List<Cell>> rows) {
        List<Cell> cells = new ArrayList<>();
        rows.values().forEach(cells::addAll);
        return cells;
    }

    // ---- messages, timeouts, the end ------------------------------------------------------------

    /** A message of this session arrived at {@code message.to()}. */
    void receive(Message message) {
        if (finished() || !started) {
            return;
        }
        boolean atA = message.to().equals(a);
        switch (message.kind()) {
            case MERKLE_REQUEST -> {
                if (!atA) {
                    onHashRequest((HashRequest) message.payload());
                }
            }
            case MERKLE_RESPONSE -> {
                if (atA) {
                    onHashResponse((HashResponse) message.payload());
                }
            }
            case STREAM -> {
                Stream stream = (Stream) message.payload();
                if (atA && stream.reply()) {
                    onStreamReply(stream);
                } else if (!atA && !stream.reply()) {
                    onStreamAtB(stream);
                }
            }
            case STREAM_ACK -> {
                if (atA) {
                    onStreamAck();
                }
            }
            default -> {
            }
        }
    }

    private long send(String from, String to, MessageKind kind, int bytes, Object payload) {
        return cluster.network().send(from, to, kind, null, bytes, payload);
    }

    private void awaitReply(String what) {
        cancelTimeout();
        timeout = cluster.sim().after(AntiEntropy.REPLY_TIMEOUT,
                () -> fail(what + " within " + Durations.format(AntiEntropy.REPLY_TIMEOUT)));
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
    }

    private void fail(String reason) {
        counters().increment(AntiEntropy.SESSIONS_FAILED);
        finish(ExchangeView.Phase.FAILED, "failed (" + reason + ")");
    }

    private void finish(ExchangeView.Phase end, String result) {
        cancelTimeout();
        pendingStep = null;
        this.phase = end;
        this.result = result;
        Simulation sim = cluster.sim();
        sim.record(new Event.RepairSessionFinished(sim.now(), id, a, b, (int) rowsStreamed, bytesStreamed, result));
        antiEntropy.sessionEnded(this);
    }

    private Counters counters() {
        return cluster.counters();
    }

    private String describeRanges() {
        if (ranges.isEmpty()) {
            return "no shared token range";
        }
        if (ranges.size() == 1) {
            return "token range " + antiEntropy.ranges().range(ranges.get(0));
        }
        return ranges.size() + " shared token ranges";
    }

    // ---- the inspector's view -------------------------------------------------------------------

    ExchangeView view() {
        Map<Integer, Map<Integer, TreeSet<String>>> keysByLeaf = keysByRangeAndLeaf();
        List<ExchangeView.RangeView> rangeViews = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            rangeViews.add(rangeView(p, keysByLeaf.getOrDefault(ranges.get(p), Map.of())));
        }
        return new ExchangeView(id, a, b, depth, job.settings() == null ? antiEntropy.settings().maintenance()
                : job.settings().maintenance(), phase, manual, pendingStep != null, level, rangeViews, rowsStreamed,
                bytesStreamed, rowsActuallyDiffering, result);
    }

    private ExchangeView.RangeView rangeView(int p, Map<Integer, TreeSet<String>> keysByLeaf) {
        Ring.TokenRange range = antiEntropy.ranges().range(ranges.get(p));
        MerkleTree mine = treesA == null ? null : treesA.get(ranges.get(p));
        MerkleTree theirs = treesB == null ? null : treesB.get(ranges.get(p));
        List<ExchangeView.TreeNode> nodes = new ArrayList<>();
        TreeMap<Long, Boolean> compared = marks.get(p);
        if (mine != null) {
            for (int l = 0; l <= Math.min(depth, ExchangeView.FULL_LEVELS - 1); l++) {
                for (int i = 0; i < (1 << l); i++) {
                    nodes.add(treeNode(mine, theirs, l, i, compared.get(((long) l << 32) | i)));
                }
            }
            for (Map.Entry<Long, Boolean> entry : compared.entrySet()) {
                int l = (int) (entry.getKey() >>> 32);
                if (l >= ExchangeView.FULL_LEVELS) {
                    nodes.add(treeNode(mine, theirs, l, (int) (long) entry.getKey(), entry.getValue()));
                }
            }
        }
        List<ExchangeView.LeafView> leaves = new ArrayList<>();
        for (int leaf : differingLeaves.get(p)) {
            List<ExchangeView.RowView> rows = new ArrayList<>();
            for (String key : keysByLeaf.getOrDefault(leaf, new TreeSet<>())) {
                List<Cell> onA = rowsA.getOrDefault(key, List.of());
                List<Cell> onB = rowsB.getOrDefault(key, List.of());
                rows.add(new ExchangeView.RowView(key, labels(onA), labels(onB), !onA.equals(onB)));
            }
            leaves.add(new ExchangeView.LeafView(leaf, mine.leafStart(leaf), mine.leafEnd(leaf), List.copyOf(rows)));
        }
        return new ExchangeView.RangeView(range.start(), range.end(), List.copyOf(nodes), List.copyOf(leaves));
    }

    /** Range number -> leaf -> keys either side holds in the differing leaves, in one pass. */
    private Map<Integer, Map<Integer, TreeSet<String>>> keysByRangeAndLeaf() {
        Map<Integer, Map<Integer, TreeSet<String>>> keys = new TreeMap<>();
        TreeSet<String> all = new TreeSet<>(rowsA.keySet());
        all.addAll(rowsB.keySet());
        for (String key : all) {
            long token = Ring.tokenOf(key);
            int range = antiEntropy.ranges().indexOf(token);
            MerkleTree shape = treesA == null ? null : treesA.get(range);
            if (shape != null) {
                keys.computeIfAbsent(range, r -> new TreeMap<>())
                        .computeIfAbsent(shape.leafOf(token), l -> new TreeSet<>()).add(key);
            }
        }
        return keys;
    }

    private static ExchangeView.TreeNode treeNode(MerkleTree mine, MerkleTree theirs, int level, int index,
                                                  Boolean differs) {
        ExchangeView.Mark mark = differs == null ? ExchangeView.Mark.NOT_COMPARED
                : differs ? ExchangeView.Mark.DIFFERS : ExchangeView.Mark.MATCHED;
        return new ExchangeView.TreeNode(level, index, mine.hash(level, index),
                theirs == null ? 0 : theirs.hash(level, index), mark);
    }

    private static String labels(List<Cell> cells) {
        return cells.stream().map(Cell::label).collect(Collectors.joining(", "));
    }
}
