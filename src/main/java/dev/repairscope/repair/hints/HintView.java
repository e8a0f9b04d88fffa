package dev.repairscope.repair.hints;

/**
 * One queued hint as the hint inspector shows it.
 *
 * @param holder the node keeping the hint
 * @param target the replica it is for (the intended owner, for fallback data)
 * @param key the key written
 * @param version the version(s) held, as {@code Cell.label()} ("v2@1000123"; siblings joined by " | ")
 * @param age simulated microseconds since the hint was stored
 * @param windowLeft how long the holder will still write new hints for the target: the full window while it
 *                   sees the target up, the remaining part while it sees it down, 0 once the window is over;
 *                   -1 when no window applies (sloppy fallback data, as in Riak)
 * @param fallbackData true for data a fallback keeps for its owner (sloppy quorum), false for a coordinator's hint
 */
public record HintView(String holder, String target, String key, String version, long age, long windowLeft,
                       boolean fallbackData) {
}
