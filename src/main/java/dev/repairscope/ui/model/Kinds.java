package dev.repairscope.ui.model;

import dev.repairscope.net.MessageKind;
import java.util.HashMap;
import java.util.Map;

/** Message kinds as the journal names them (by label), and the repair mechanism each belongs to. */
public final class Kinds {
    private static final Map<String, MessageKind> BY_LABEL = new HashMap<>();

    static {
        for (MessageKind kind : MessageKind.values()) {
            BY_LABEL.put(kind.label(), kind);
        }
    }

    private Kinds() {
    }

    /** The kind a journal event names; unknown labels fall back to {@link MessageKind#parse}. */
    public static MessageKind byLabel(String label) {
        MessageKind kind = BY_LABEL.get(label);
        return kind != null ? kind : MessageKind.parse(label);
    }

    /** The mechanism whose traffic a kind is, or null for client reads and writes. */
    public static Mechanism mechanismOf(MessageKind kind) {
        return switch (kind) {
            case HINT_REPLAY, HINT_ACK -> Mechanism.HINTED_HANDOFF;
            case READ_REPAIR, READ_REPAIR_ACK -> Mechanism.READ_REPAIR;
            case MERKLE_REQUEST, MERKLE_RESPONSE, STREAM, STREAM_ACK -> Mechanism.ANTI_ENTROPY;
            default -> null;
        };
    }

    /** The three convergence mechanisms, for charts and counters. */
    public enum Mechanism {
        HINTED_HANDOFF("hinted handoff"),
        READ_REPAIR("read repair"),
        ANTI_ENTROPY("anti-entropy");

        private final String label;

        Mechanism(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
