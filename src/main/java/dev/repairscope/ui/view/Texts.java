package dev.repairscope.ui.view;

import dev.repairscope.sim.Durations;

/** Small text helpers for the panels. */
final class Texts {
    private Texts() {
    }

    /** A duration for people: "2h 59m 47s" from a minute up, else the short form ("12.5ms", "8.99s"). */
    static String duration(long micros) {
        if (micros < 60_000_000L) {
            return Durations.format(micros);
        }
        long seconds = micros / 1_000_000L;
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append("h ");
        }
        if (m > 0 || h > 0) {
            out.append(m).append("m ");
        }
        out.append(s).append('s');
        return out.toString();
    }
}
