package dev.repairscope.net;

import java.util.Set;

/**
 * A precise fault: drop the messages that match (by kind, sender, receiver), as the real systems'
 * tests do with byteman rules ("drop only writes to n2", "drop only read-repair writes").
 * Null fields match anything; {@code remaining} counts down the drops left (-1 for unlimited).
 */
public final class MessageFilter {
    private final String name;
    private final Set<MessageKind> kinds;
    private final String from;
    private final String to;
    private final double probability;
    private int remaining;

    public MessageFilter(String name, Set<MessageKind> kinds, String from, String to, double probability, int count) {
        this.name = name;
        this.kinds = kinds == null || kinds.isEmpty() ? null : Set.copyOf(kinds);
        this.from = from;
        this.to = to;
        this.probability = probability;
        this.remaining = count;
    }

    public String name() {
        return name;
    }

    boolean matches(Message message) {
        return remaining != 0
                && (kinds == null || kinds.contains(message.kind()))
                && (from == null || from.equals(message.from()))
                && (to == null || to.equals(message.to()));
    }

    double probability() {
        return probability;
    }

    void consumeOne() {
        if (remaining > 0) {
            remaining--;
        }
    }

    public String describe() {
        return "drop " + (kinds == null ? "all messages" : kinds.stream().map(MessageKind::label).sorted().toList())
                + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to)
                + (probability < 1 ? " with probability " + probability : "")
                + (remaining > 0 ? " (next " + remaining + ")" : "");
    }
}
