package dev.repairscope.repair.hints;

import dev.repairscope.sim.Durations;
import java.util.Objects;

/**
 * How hinted handoff behaves. Times are simulated microseconds.
 *
 * @param enabled whether new hints are written at all ({@code hinted_handoff_enabled})
 * @param style coordinator-kept hints (Cassandra) or sloppy quorum with fallbacks (Dynamo, Riak)
 * @param window no new hints for a target its holder has believed down longer than this
 *               ({@code max_hint_window}); coordinator style only, Riak has no window
 * @param dispatchInterval how often each holder checks for targets it sees alive and replays to them
 * @param throttleBytesPerSecond hint bytes a holder may send per second ({@code hinted_handoff_throttle});
 *                               0 means unthrottled, as in Cassandra
 * @param keepHintsOnCrash true: hints are on disk and survive a crash of their holder; false: they are lost
 */
public record HintSettings(boolean enabled, HandoffStyle style, long window, long dispatchInterval,
                           long throttleBytesPerSecond, boolean keepHintsOnCrash) {

    public HintSettings {
        Objects.requireNonNull(style, "style");
        if (window < 0) {
            throw new IllegalArgumentException("hint window must not be negative, got " + window);
        }
        if (dispatchInterval <= 0) {
            throw new IllegalArgumentException("hint dispatch interval must be positive, got " + dispatchInterval);
        }
        if (throttleBytesPerSecond < 0) {
            throw new IllegalArgumentException("hint throttle must not be negative (0 = unthrottled), got "
                    + throttleBytesPerSecond);
        }
    }

    /** Cassandra's defaults: enabled, coordinator hints, window 3h, dispatch every 10 s, 1024 KiB/s, hints on disk. */
    public static HintSettings defaults() {
        return new HintSettings(true, HandoffStyle.COORDINATOR, Durations.parse("3h"), Durations.seconds(10),
                1024L * 1024, true);
    }

    public HintSettings withEnabled(boolean value) {
        return new HintSettings(value, style, window, dispatchInterval, throttleBytesPerSecond, keepHintsOnCrash);
    }

    public HintSettings withStyle(HandoffStyle value) {
        return new HintSettings(enabled, value, window, dispatchInterval, throttleBytesPerSecond, keepHintsOnCrash);
    }

    public HintSettings withWindow(long value) {
        return new HintSettings(enabled, style, value, dispatchInterval, throttleBytesPerSecond, keepHintsOnCrash);
    }

    public HintSettings withDispatchInterval(long value) {
        return new HintSettings(enabled, style, window, value, throttleBytesPerSecond, keepHintsOnCrash);
    }

    public HintSettings withThrottle(long bytesPerSecond) {
        return new HintSettings(enabled, style, window, dispatchInterval, bytesPerSecond, keepHintsOnCrash);
    }

    public HintSettings withKeepHintsOnCrash(boolean value) {
        return new HintSettings(enabled, style, window, dispatchInterval, throttleBytesPerSecond, value);
    }

    /** One line for the journal and the UI: "sloppy, dispatch every 10s, throttle 1024 KiB/s, hints survive a crash". */
    public String describe() {
        if (!enabled) {
            return "off (stored hints are still delivered)";
        }
        return style.id()
                + (style == HandoffStyle.COORDINATOR ? ", window " + Durations.format(window) : "")
                + ", dispatch every " + Durations.format(dispatchInterval)
                + ", throttle " + (throttleBytesPerSecond == 0 ? "none"
                        : throttleBytesPerSecond % 1024 == 0 ? throttleBytesPerSecond / 1024 + " KiB/s"
                        : throttleBytesPerSecond + " B/s")
                + (keepHintsOnCrash ? ", hints survive a crash" : ", hints are lost on a crash");
    }
}
