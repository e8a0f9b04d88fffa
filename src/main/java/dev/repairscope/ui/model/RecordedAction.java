package dev.repairscope.ui.model;

/**
 * A user action with the exact point of the run it happened at: after {@code steps} simulation
 * steps, with the clock at {@code time}. Replaying the same scenario and seed to that point and
 * applying the action there reproduces the run exactly.
 */
public record RecordedAction(long steps, long time, UserAction action) {
}
