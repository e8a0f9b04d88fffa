package dev.repairscope.ui.view;

import dev.repairscope.net.MessageKind;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * Colours of the cluster view. Message kinds use the Okabe-Ito palette (safe for the common forms
 * of colour blindness) grouped into eight families; acks are drawn smaller as well, so kind never
 * rests on colour alone. Two themes: the normal dark stage and a high-contrast light one for
 * projectors (presentation mode).
 */
public record Palette(String name, Color background, Color ring, Color text, Color dimText, Color nodeUp,
                      Color nodeDown, Color nodeBorder, Color link, Color cut, Color stale, Color hint,
                      Color selection, double scale) {

    /** A legend entry: a family of message kinds and its colour. */
    public record Family(String label, Color color, List<MessageKind> kinds, String explanation) {
    }

    public static final Color BLUE = Color.web("#0072B2");
    public static final Color SKY = Color.web("#56B4E9");
    public static final Color GREEN = Color.web("#009E73");
    public static final Color YELLOW = Color.web("#F0E442");
    public static final Color ORANGE = Color.web("#E69F00");
    public static final Color VERMILLION = Color.web("#D55E00");
    public static final Color PURPLE = Color.web("#CC79A7");
    public static final Color GREY = Color.web("#9AA0A6");

    public static final List<Family> FAMILIES = List.of(
            new Family("write", BLUE, List.of(MessageKind.WRITE), "a coordinator sends a client's write to a replica"),
            new Family("read", SKY, List.of(MessageKind.READ_DATA, MessageKind.READ_RESPONSE),
                    "a full-data read request, or a replica's answer"),
            new Family("digest", PURPLE, List.of(MessageKind.READ_DIGEST),
                    "a digest read: the replica answers with a hash of its versions"),
            new Family("read repair", VERMILLION, List.of(MessageKind.READ_REPAIR),
                    "the coordinator writes the newest version back to a stale replica"),
            new Family("hint replay", ORANGE, List.of(MessageKind.HINT_REPLAY),
                    "a node hands a stored hint to the replica that missed the write"),
            new Family("Merkle", GREEN, List.of(MessageKind.MERKLE_REQUEST, MessageKind.MERKLE_RESPONSE),
                    "anti-entropy: Merkle tree hashes of one level are exchanged"),
            new Family("stream", YELLOW, List.of(MessageKind.STREAM),
                    "anti-entropy streams the rows of differing leaves"),
            new Family("ack", GREY, List.of(MessageKind.WRITE_ACK, MessageKind.READ_REPAIR_ACK, MessageKind.HINT_ACK,
                    MessageKind.STREAM_ACK), "a replica confirms it stored what it was sent (drawn small)"));

    public static final Palette DARK = new Palette("dark", Color.web("#161c26"), Color.web("#3a4656"),
            Color.web("#eef2f7"), Color.web("#9aa7b8"), Color.web("#24405e"), Color.web("#4a4f57"),
            Color.web("#cfd8e3"), Color.web("#2c3748"), Color.web("#ff5252"), Color.web("#ff7043"),
            ORANGE, Color.web("#ffd54f"), 1.0);

    public static final Palette PRESENTATION = new Palette("presentation", Color.WHITE, Color.web("#9e9e9e"),
            Color.BLACK, Color.web("#333333"), Color.web("#0b3d6e"), Color.web("#757575"), Color.BLACK,
            Color.web("#d0d0d0"), Color.web("#c00000"), VERMILLION, ORANGE, Color.web("#000000"), 1.3);

    public static Family familyOf(MessageKind kind) {
        for (Family family : FAMILIES) {
            if (family.kinds().contains(kind)) {
                return family;
            }
        }
        return FAMILIES.get(FAMILIES.size() - 1);
    }

    public static Color colorOf(MessageKind kind) {
        return familyOf(kind).color();
    }

    public static boolean isAck(MessageKind kind) {
        return familyOf(kind).label().equals("ack");
    }

    /** A node's identity colour (its token ranges on the ring): evenly spread hues, muted. */
    public Color nodeIdentity(int index, int count) {
        double hue = (index * 360.0 / Math.max(1, count) + 200) % 360;
        return Color.hsb(hue, this == PRESENTATION ? 0.75 : 0.55, this == PRESENTATION ? 0.6 : 0.85);
    }
}
