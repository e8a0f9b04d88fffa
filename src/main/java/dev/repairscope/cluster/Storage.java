package dev.repairscope.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A replica's rows: each key maps to its current versions (one under LWW, siblings with vector clocks). */
public final class Storage {
    private final Versioning versioning;
    /** The rows by hash: the read and write paths never compare key strings. */
    private final HashMap<String, List<Cell>> index = new HashMap<>();
    /**
     * The same rows in key order, made when someone asks for them ({@link #rows()}: anti-entropy,
     * the inspector) and dropped when a row changes, so writes do not pay for a tree they rarely need.
     */
    private TreeMap<String, List<Cell>> sorted;
    private long writes;

    public Storage(Versioning versioning) {
        this.versioning = versioning;
    }

    /** Merges {@code cell} in; returns true when the stored versions changed. */
    public boolean apply(Cell cell) {
        writes++;
        List<Cell> current = index.getOrDefault(cell.key(), List.of());
        List<Cell> next = versioning.merge(current, cell);
        if (sameVersions(next, current)) {
            return false;
        }
        index.put(cell.key(), next);
        sorted = null;
        return true;
    }

    /** List equality by index (an immutable list's equals walks two iterators: garbage on every write). */
    private static boolean sameVersions(List<Cell> a, List<Cell> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The stored versions of {@code key}; empty when the replica has never seen it. */
    public List<Cell> get(String key) {
        return index.getOrDefault(key, List.of());
    }

    public boolean contains(String key) {
        return index.containsKey(key);
    }

    /**
     * The rows in no particular order, live: for walks whose result does not depend on the order
     * (a Merkle tree XORs its rows), which then skip sorting them.
     */
    public Map<String, List<Cell>> rowsInAnyOrder() {
        return Collections.unmodifiableMap(index);
    }

    /** The rows in key order, as they are now (later writes do not show in the returned map). */
    public NavigableMap<String, List<Cell>> rows() {
        if (sorted == null) {
            sorted = new TreeMap<>(index);
        }
        return Collections.unmodifiableNavigableMap(sorted);
    }

    /**
     * Cells applied plus rows purged so far: the checker counts the journal's ReplicaApplied and
     * TombstonePurged events against it, to know that it has seen every change.
     */
    public long writes() {
        return writes;
    }

    public int size() {
        return index.size();
    }

    /** Number of keys whose newest version is a live value (not a tombstone). */
    public long liveKeys() {
        return index.values().stream().filter(cells -> cells.stream().anyMatch(c -> !c.tombstone())).count();
    }

    /** Drops tombstones written more than {@code gcGrace} before {@code now}; returns the purged keys. */
    public List<String> purgeTombstones(long now, long gcGrace) {
        List<String> purged = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> row : index.entrySet()) { // a plain scan: most rows hold no tombstone
            for (Cell cell : row.getValue()) {
                if (expired(cell, now, gcGrace)) {
                    purged.add(row.getKey());
                    break;
                }
            }
        }
        Collections.sort(purged); // in key order, whatever order the hash table keeps
        for (String key : purged) {
            List<Cell> kept = new ArrayList<>();
            for (Cell cell : index.get(key)) {
                if (!expired(cell, now, gcGrace)) {
                    kept.add(cell);
                }
            }
            writes++;
            if (kept.isEmpty()) {
                index.remove(key);
            } else {
                index.put(key, List.copyOf(kept));
            }
            sorted = null;
        }
        return purged;
    }

    private static boolean expired(Cell cell, long now, long gcGrace) {
        return cell.tombstone() && now - cell.timestamp() >= gcGrace;
    }

    /** A stable 64-bit digest of a key's versions (what a digest read returns). */
    public static long digest(List<Cell> cells) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < cells.size(); i++) { // an index loop: no iterator for each of millions of calls
            Cell cell = cells.get(i);
            h = mix(h, cell.writeId());
            h = mix(h, cell.timestamp());
            h = mix(h, cell.tombstone() ? 1 : 2);
            h = mix(h, cell.clock().hashCode()); // TreeMap of String -> Long: the same in every run
        }
        return h;
    }

    private static long mix(long h, long value) {
        h ^= value;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }
}
