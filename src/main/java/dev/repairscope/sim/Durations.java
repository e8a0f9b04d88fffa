package dev.repairscope.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Simulated durations: parsing "250us", "5ms", "2s", "3m", "3h", "10d" into microseconds and back. */
public final class Durations {
    public static final long MICROS_PER_MS = 1_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h|d)");

    private Durations() {
    }

    public static long ms(double millis) {
        return Math.round(millis * MICROS_PER_MS);
    }

    public static long seconds(double seconds) {
        return Math.round(seconds * MICROS_PER_SECOND);
    }

    /**
     * Parses a duration such as "1.5s" into microseconds.
     *
     * @throws IllegalArgumentException naming the expected form when the text does not match
     */
    public static long parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a duration such as \"250us\", \"5ms\", \"2s\", \"3m\", \"3h\" or \"10d\", got \""
                            + text + "\"");
        }
        double amount = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "us" -> 1L;
            case "ms" -> MICROS_PER_MS;
            case "s" -> MICROS_PER_SECOND;
            case "m" -> 60 * MICROS_PER_SECOND;
            case "h" -> 3_600 * MICROS_PER_SECOND;
            default -> 86_400 * MICROS_PER_SECOND;
        };
        double micros = amount * unit;
        if (micros > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too long");
        }
        return Math.round(micros);
    }

    /** A short human form: "1.250s", "12.5ms", "40us". */
    public static String format(long micros) {
        if (micros >= 3_600 * MICROS_PER_SECOND && micros % (3_600 * MICROS_PER_SECOND) == 0) {
            return micros / (3_600 * MICROS_PER_SECOND) + "h";
        }
        if (micros >= MICROS_PER_SECOND) {
            return trim(String.format(java.util.Locale.ROOT, "%.3f", micros / 1e6)) + "s";
        }
        if (micros >= MICROS_PER_MS) {
            return trim(String.format(java.util.Locale.ROOT, "%.3f", micros / 1e3)) + "ms";
        }
        return micros + "us";
    }

    private static String trim(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String t = number.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
