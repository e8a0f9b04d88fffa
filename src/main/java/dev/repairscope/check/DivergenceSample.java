package dev.repairscope.check;

/** Divergent keys at one instant (keys whose primary replicas do not all hold the same versions), hot and cold apart. */
public record DivergenceSample(long at, int divergentKeys, int hotDivergent, int coldDivergent, long staleReads) {
}
