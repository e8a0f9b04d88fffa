package dev.repairscope.cluster;

/**
 * The seam through which read repair shapes the read path: decided once per read, as a plan.
 * The default reconciles the answer and writes nothing back.
 */
public interface ReadRepairPolicy {

    /** What the coordinator does with the replicas that disagreed. */
    enum Repair {
        /** Reconcile the answer only. */
        NONE,
        /** Repair before answering (Cassandra BLOCKING). */
        BLOCKING,
        /** Answer, then repair. */
        ASYNC
    }

    /**
     * @param contactAll query every live replica, not just the ones the level needs
     * @param fullDataFromAll ask all contacted replicas for full data rather than digests (Riak)
     * @param onMismatch what to do when the replies the level waited for disagree
     * @param repairAllAfterward once every contacted replica replied, repair any that disagree, in the background
     */
    record Plan(boolean contactAll, boolean fullDataFromAll, Repair onMismatch, boolean repairAllAfterward) {
    }

    Plan plan(String key);

    ReadRepairPolicy NONE = key -> new Plan(false, false, Repair.NONE, false);
}
