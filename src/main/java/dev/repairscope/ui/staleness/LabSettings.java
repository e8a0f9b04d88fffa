package dev.repairscope.ui.staleness;

import dev.repairscope.sim.Durations;
import dev.repairscope.staleness.LatencyProfile;
import dev.repairscope.staleness.LatencyProfiles;
import dev.repairscope.staleness.StalenessExperiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lab runs: N, a latency profile, the (R, W) pairs to compare, the instants t after
 * commit, trials per pair and the seed. Every pair runs as its own WARS experiment
 * ({@link StalenessExperiment#wars}) with the same seed, exactly as {@code repairscope staleness}
 * would run it with those flags. Parsing the lab's text fields lives here, away from the controls.
 *
 * @param profile LNKD-SSD, LNKD-DISK, YMMR, WAN or exponential
 * @param wRate exponential only: the W leg's rate per ms
 * @param arsRate exponential only: the A, R and S legs' rate per ms
 * @param times instants after commit, in microseconds
 */
public record LabSettings(int n, String profile, double wRate, double arsRate, List<Pair> pairs, List<Long> times,
                          int trials, long seed) {

    /** The profiles the lab offers, the paper's four first. */
    public static final List<String> PROFILES = List.of("LNKD-SSD", "LNKD-DISK", "YMMR", "WAN", "exponential");
    public static final String DEFAULT_PAIRS = "(1,1) (1,2) (2,1) (2,2)";
    public static final String DEFAULT_TIMES = "0, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100";

    /** One (R, W) choice. */
    public record Pair(int r, int w) {
        public String label() {
            return "R=" + r + " W=" + w;
        }
    }

    public LabSettings {
        pairs = List.copyOf(pairs);
        times = List.copyOf(times);
    }

    /** The latency profile to use, with the exponential rates when asked for. */
    public LatencyProfile latencyProfile() {
        if (profile.equalsIgnoreCase("exponential")) {
            return LatencyProfiles.exponential(wRate, arsRate);
        }
        return LatencyProfiles.preset(profile).orElseThrow(() -> new IllegalArgumentException("unknown profile \""
                + profile + "\"; choose one of " + String.join(", ", PROFILES)));
    }

    /** One experiment per pair; throws IllegalArgumentException naming the first thing that does not fit. */
    public List<StalenessExperiment> experiments() {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("give at least one (R,W) pair, e.g. " + DEFAULT_PAIRS);
        }
        LatencyProfile latency = latencyProfile();
        List<StalenessExperiment> experiments = new ArrayList<>();
        for (Pair pair : pairs) {
            try {
                experiments.add(StalenessExperiment.wars(n, pair.r(), pair.w(), latency, times, trials, seed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pair.label() + ": " + e.getMessage(), e);
            }
        }
        return experiments;
    }

    // ---- parsing the text fields ----------------------------------------------------------------

    private static final Pattern PAIR = Pattern.compile("\\(?\\s*(\\d+)\\s*[,/]\\s*(\\d+)\\s*\\)?");

    /** "(1,1) (1,2) 2/2" to pairs, in the order given, without repeats. */
    public static List<Pair> parsePairs(String text) {
        List<Pair> pairs = new ArrayList<>();
        String rest = text.trim();
        Matcher m = PAIR.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (Character.isWhitespace(rest.charAt(at)) || rest.charAt(at) == ';') {
                at++;
                continue;
            }
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("(R,W) pairs: cannot read \"" + rest.substring(at)
                        + "\"; write them like " + DEFAULT_PAIRS);
            }
            Pair pair = new Pair(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (!pairs.contains(pair)) {
                pairs.add(pair);
            }
            at = m.end();
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("give at least one (R,W) pair, e.g. " + DEFAULT_PAIRS);
        }
        if (pairs.size() > 12) {
            throw new IllegalArgumentException("at most 12 (R,W) pairs at once, got " + pairs.size());
        }
        return pairs;
    }

    /** "0, 1, 2.5" (ms) to microseconds. */
    public static List<Long> parseTimes(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            double ms;
            try {
                ms = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("t (ms): \"" + part.trim() + "\" is not a number; write them like "
                        + DEFAULT_TIMES);
            }
            if (!(ms >= 0) || ms > 86_400_000) {
                throw new IllegalArgumentException("t (ms): " + part.trim() + " is out of range (0 to one day)");
            }
            values.add(Durations.ms(ms));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("t (ms): give at least one instant after commit, e.g. " + DEFAULT_TIMES);
        }
        return values;
    }

    /** "20,000" or "20000" to a whole number from 1 to {@code max}. */
    public static long parseWhole(String what, String text, long min, long max) {
        String clean = text.trim().replace(",", "").replace("_", "");
        long value;
        try {
            value = Long.parseLong(clean);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": \"" + text.trim() + "\" is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %,d and %,d, got %,d",
                    what, min, max, value));
        }
        return value;
    }

    /** A positive rate per ms. */
    public static double parseRate(String what, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": \"" + text.trim() + "\" is not a number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive rate per ms, got " + text.trim());
        }
        return value;
    }
}
