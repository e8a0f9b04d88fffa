package dev.repairscope.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How replicas decide which version of a key wins. */
public enum Versioning {
    /** Cassandra: the highest timestamp wins; on a tie a tombstone wins, then the greater value. */
    LWW {
        @Override
        public List<Cell> merge(List<Cell> current, Cell incoming) {
            if (current.isEmpty()) {
                return List.of(incoming);
            }
            Cell existing = current.get(0);
            return LWW_ORDER.compare(incoming, existing) > 0 ? List.of(incoming) : current;
        }
    },
    /** Dynamo/Riak: a version replaces those it descends from; concurrent versions are kept as siblings. */
    VECTOR_CLOCKS {
        @Override
        public List<Cell> merge(List<Cell> current, Cell incoming) {
            List<Cell> next = new ArrayList<>();
            for (Cell cell : current) {
                if (cell.clock().descends(incoming.clock())) {
                    return current; // we already have this version or a newer one
                }
                if (!incoming.clock().descends(cell.clock())) {
                    next.add(cell); // concurrent: stays as a sibling
                }
            }
            next.add(incoming);
            next.sort(Comparator.comparing(Cell::stamp));
            return List.copyOf(next);
        }
    };

    static final Comparator<Cell> LWW_ORDER = Comparator.comparingLong(Cell::timestamp)
            .thenComparing(Cell::tombstone)
            .thenComparing(c -> c.value() == null ? "" : c.value())
            .thenComparingLong(Cell::writeId);

    /** The versions a replica keeps after receiving {@code incoming} on top of {@code current}. */
    public abstract List<Cell> merge(List<Cell> current, Cell incoming);

    /** Merges every cell of {@code incoming} into {@code current}. */
    public List<Cell> mergeAll(List<Cell> current, List<Cell> incoming) {
        List<Cell> result = current;
        for (Cell cell : incoming) {
            result = merge(result, cell);
        }
        return result;
    }
}
