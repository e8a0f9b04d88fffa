package dev.repairscope.net;

import java.util.Locale;

/** What a message carries; the UI colours messages by kind and filters can match on it. */
public enum MessageKind {
    WRITE("write"),
    WRITE_ACK("write ack"),
    READ_DATA("data read"),
    READ_DIGEST("digest read"),
    READ_RESPONSE("read response"),
    READ_REPAIR("read-repair write"),
    READ_REPAIR_ACK("read-repair ack"),
    HINT_REPLAY("hint replay"),
    HINT_ACK("hint ack"),
    MERKLE_REQUEST("Merkle request"),
    MERKLE_RESPONSE("Merkle hashes"),
    STREAM("stream"),
    STREAM_ACK("stream ack");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses "WRITE", "write", "read-repair" style names. */
    public static MessageKind parse(String name) {
        String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normal.equals("READ_REPAIR_WRITE")) {
            normal = "READ_REPAIR";
        }
        return MessageKind.valueOf(normal);
    }
}
