package dev.repairscope.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The token ring. Tokens live in [0, 2^63). With one token per node they are spread evenly (a
 * clean picture); with vnodes each node gets that many tokens from a deterministic hash. The
 * preference list of a key is the next N distinct nodes clockwise from its token.
 */
public final class Ring {
    /** A token range (start, end], wrapping when start >= end, and the nodes that replicate it. */
    public record TokenRange(long start, long end, List<String> replicas) {
        public boolean contains(long token) {
            return start < end ? token > start && token <= end : token > start || token <= end;
        }

        /** Size of the range in tokens. */
        public long width() {
            return start < end ? end - start : (Long.MAX_VALUE - start) + end + 1;
        }

        @Override
        public String toString() {
            return "(" + start + "," + end + "]";
        }
    }

    private final List<String> nodes;
    private final int replicationFactor;
    private final TreeMap<Long, String> tokens = new TreeMap<>();
    /** Where each key lives, worked out on first use (the ring never changes): one lookup per operation. */
    private final Map<String, Placement> placements = new java.util.HashMap<>();

    /** A key's replicas and its whole preference list (replicas first, then the fallbacks). */
    public record Placement(List<String> replicas, List<String> preferenceList) {
    }

    public Ring(List<String> nodes, int vnodes, int replicationFactor) {
        if (replicationFactor < 1 || replicationFactor > nodes.size()) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " needs 1.."
                    + nodes.size() + " nodes");
        }
        this.nodes = List.copyOf(nodes);
        this.replicationFactor = replicationFactor;
        if (vnodes <= 1) {
            long step = Long.MAX_VALUE / nodes.size();
            for (int i = 0; i < nodes.size(); i++) {
                tokens.put(step * (i + 1), nodes.get(i));
            }
        } else {
            for (String node : nodes) {
                for (int v = 0; v < vnodes; v++) {
                    long token = hash(node + "#" + v);
                    while (tokens.containsKey(token)) {
                        token = (token + 1) & Long.MAX_VALUE;
                    }
                    tokens.put(token, node);
                }
            }
        }
    }

    public List<String> nodes() {
        return nodes;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    /** Token -> owning node, in ring order. */
    public Map<Long, String> tokens() {
        return Collections.unmodifiableMap(tokens);
    }

    /** The key's position on the ring: a stable hash (MurmurHash3's 64-bit finaliser over FNV-1a). */
    public static long tokenOf(String key) {
        return hash(key);
    }

    /** The N replicas of a key, first the owner, then clockwise (memoised: the ring never changes). */
    public List<String> replicasFor(String key) {
        return placement(key).replicas();
    }

    /** Every node in clockwise order from the key's owner: primaries first, then the fallbacks. */
    public List<String> extendedPreferenceList(String key) {
        return placement(key).preferenceList();
    }

    /** Where {@code key} lives: its replicas and preference list with one lookup (an operation needs both). */
    public Placement placement(String key) {
        Placement placement = placements.get(key); // get, then put: computeIfAbsent's lambda costs an object per call
        if (placement == null) {
            List<String> all = walk(tokenOf(key), nodes.size());
            placement = new Placement(List.copyOf(all.subList(0, replicationFactor)), all);
            placements.put(key, placement);
        }
        return placement;
    }

    /** The ranges between consecutive tokens with their replicas, in ring order. */
    public List<TokenRange> ranges() {
        List<TokenRange> ranges = new ArrayList<>();
        Long previous = tokens.lastKey();
        for (Long token : tokens.keySet()) {
            ranges.add(new TokenRange(previous, token, walk(token, replicationFactor)));
            previous = token;
        }
        return ranges;
    }

    /** The ranges that {@code a} and {@code b} both replicate. */
    public List<TokenRange> commonRanges(String a, String b) {
        return ranges().stream().filter(r -> r.replicas().contains(a) && r.replicas().contains(b)).toList();
    }

    private List<String> walk(long token, int count) {
        Set<String> found = new LinkedHashSet<>();
        for (String node : tokens.tailMap(token, true).values()) {
            if (found.size() == count) {
                break;
            }
            found.add(node);
        }
        for (String node : tokens.values()) {
            if (found.size() == count) {
                break;
            }
            found.add(node);
        }
        return List.copyOf(found);
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return hashBytes(text); // non-ASCII: hash the UTF-8 bytes (ASCII chars are their own bytes)
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    private static long hashBytes(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }
}
