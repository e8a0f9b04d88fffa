/**
 * Hinted handoff: the convergence mechanism for short outages. A write a replica missed is kept
 * elsewhere and handed to the replica once it is seen alive again.
 *
 * <p>Two styles, switchable while the cluster runs ({@link dev.repairscope.repair.hints.HintSettings}):
 * <ul>
 *   <li><b>coordinator</b> (Cassandra): targets are the live primaries. The coordinator stores a hint
 *       for each replica it believes down and for each replica that did not acknowledge within the
 *       write timeout (a blip shorter than the failure detector's delay). Hints count toward ANY only.
 *       No new hints for a target its holder has believed down longer than the hint window (until it
 *       is seen up again); a hint older than gc_grace (its time to live) is dropped, never applied.</li>
 *   <li><b>sloppy</b> (Dynamo, Riak): targets are the first N nodes believed up along the extended
 *       preference list; a node past the primaries stands in for a down primary, counts toward W and
 *       R, keeps the data apart from its own storage (reads addressed to it as a fallback see it),
 *       and hands it back when it sees the owner up. No window, no time to live. Coordinators keep no
 *       hints of their own in this style.</li>
 * </ul>
 *
 * <p>Delivery is the same for both: each holder checks every dispatch interval (and at once when its
 * failure detector flips a target to up) and replays oldest first as HINT_REPLAY messages carrying
 * a mutation, throttled to a number of bytes per second per holder. A hint leaves its holder only
 * when the HINT_ACK arrives (at least once). A holder that crashes keeps its hints (on disk) unless
 * {@code keepHintsOnCrash} is false, in which case they are lost, fallback data included.
 *
 * <p>Switched off, no new hints are written and no fallbacks are used, but hints already stored are
 * kept and still delivered. Counters: hintsStored, hintsReplayed, hintsDroppedWindow,
 * hintsDroppedExpired, hintsLost (each counts versions of keys) and handoffBytes (bytes of HINT_REPLAY
 * messages sent, retries included).
 */
package dev.repairscope.repair.hints;
