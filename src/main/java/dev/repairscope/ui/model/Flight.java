package dev.repairscope.ui.model;

import dev.repairscope.net.MessageKind;
import dev.repairscope.sim.Event;

/**
 * A message on the wire, exactly as the journal announced it ({@link Event.MessageSent}): it leaves
 * {@code from} at {@code sentAt} and arrives (or is lost) at {@code deliverAt}.
 */
public record Flight(long id, MessageKind kind, String from, String to, String key, int bytes, long sentAt,
                     long deliverAt) {

    static Flight of(Event.MessageSent sent) {
        return new Flight(sent.id(), Kinds.byLabel(sent.kind()), sent.from(), sent.to(), sent.key(), sent.bytes(),
                sent.at(), sent.deliverAt());
    }

    /** How far along its link the message is at {@code time}: 0 at the sender, 1 at the receiver. */
    public double progressAt(long time) {
        long span = Math.max(1, deliverAt - sentAt);
        return Math.max(0, Math.min(1, (double) (time - sentAt) / span));
    }
}
