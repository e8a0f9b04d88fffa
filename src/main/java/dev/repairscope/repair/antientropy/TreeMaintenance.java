package dev.repairscope.repair.antientropy;

import java.util.Locale;

/** How a replica keeps its Merkle trees, with the system each way comes from. */
public enum TreeMaintenance {
    /**
     * Cassandra: no tree exists between repairs; a session starts with a validation, a read-only
     * scan of every row in the range. Cheap while idle, expensive at repair time.
     */
    BUILD_ON_REPAIR("build-on-repair", "Cassandra: each repair builds the trees by scanning every row of the range"),
    /**
     * Riak active anti-entropy: the tree is built once by a full scan, then every write updates its
     * key's hash and marks the segment dirty; dirty segments are rehashed in bulk before an exchange.
     */
    INCREMENTAL("incremental", "Riak AAE: trees are updated on every write; only dirty segments are rehashed before an exchange");

    private final String id;
    private final String explanation;

    TreeMaintenance(String id, String explanation) {
        this.id = id;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public String explanation() {
        return explanation;
    }

    /** Parses "build-on-repair" or "incremental" (case and '_' versus '-' do not matter). */
    public static TreeMaintenance parse(String text) {
        String normal = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TreeMaintenance maintenance : values()) {
            if (maintenance.id.equals(normal)) {
                return maintenance;
            }
        }
        throw new IllegalArgumentException("unknown tree maintenance \"" + text
                + "\": expected \"build-on-repair\" (Cassandra) or \"incremental\" (Riak)");
    }

    @Override
    public String toString() {
        return id;
    }
}
