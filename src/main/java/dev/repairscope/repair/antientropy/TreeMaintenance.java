package dev.repairscope.repair.antientropy;

import dev.repairscope.repair.Variant;

/** How a replica keeps its Merkle trees, with the system each way comes from. */
public enum TreeMaintenance implements Variant {
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

    @Override
    public String id() {
        return id;
    }

    @Override
    public String explanation() {
        return explanation;
    }

    /** Parses the id, e.g. "build-on-repair" (case, blanks and '_' versus '-' ignored). */
    public static TreeMaintenance parse(String text) {
        return Variant.parse(TreeMaintenance.class, text, "tree maintenance");
    }

    @Override
    public String toString() {
        return id;
    }
}
