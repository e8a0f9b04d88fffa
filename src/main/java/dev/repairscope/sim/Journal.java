package dev.repairscope.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only record of everything that happened in a run: the one source of truth for the
 * checker, the reports, the charts, the event log and the animations.
 */
public final class Journal {
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();

    public void append(Event event) {
        events.add(event);
        for (Consumer<Event> listener : listeners) {
            listener.accept(event);
        }
    }

    /** Called, in order, for every event appended from now on. */
    public void subscribe(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    /**
     * SHA-256 over every event's canonical text, one per line: equal digests mean equal runs.
     * Records print their components in declaration order, so the text is stable.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Event event : events) {
                sha.update(event.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
