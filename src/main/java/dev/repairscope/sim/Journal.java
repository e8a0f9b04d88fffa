package dev.repairscope.sim;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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
    private final List<Event> events = new AppendOnlyLog<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();

    public void append(Event event) {
        events.add(event);
        for (int i = 0; i < listeners.size(); i++) { // an index loop: no iterator per event
            listeners.get(i).accept(event);
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
     * The text is the event's type and its components in declaration order.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder lines = new StringBuilder(1 << 17);
            for (int i = 0; i < events.size(); i++) {
                canonical(events.get(i), lines).append('\n');
                if (lines.length() >= 1 << 16) { // hashed in batches: the same bytes, far fewer copies
                    sha.update(lines.toString().getBytes(StandardCharsets.UTF_8));
                    lines.setLength(0);
                }
            }
            sha.update(lines.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Accessors of each event record's components, looked up once per class. */
    private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // checked once here, not on each of millions of calls
            }
            return accessors;
        }
    };

    /**
     * "Type[a=..., b=...]"-like text without the cost of a record's own toString (which formats
     * through java.util.Formatter on every call).
     */
    static StringBuilder canonical(Event event, StringBuilder out) {
        out.append(event.getClass().getSimpleName()).append('[');
        Method[] accessors = COMPONENTS.get(event.getClass());
        for (int i = 0; i < accessors.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            try {
                out.append(accessors[i].invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("event components are public", e);
            }
        }
        return out.append(']');
    }
}
