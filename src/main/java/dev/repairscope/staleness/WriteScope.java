package dev.repairscope.staleness;

/** Which replicas a write is sent to. */
public enum WriteScope {
    /** Dynamo: sent to all N replicas, committed after W acks; the rest still arrive later (expanding quorum). */
    ALL("sent to all N replicas, committed after W acks"),
    /** Static quorum: sent to exactly W replicas chosen at random; the model of the closed form. */
    CONFINED("confined to W random replicas (static quorum)");

    private final String explanation;

    WriteScope(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
