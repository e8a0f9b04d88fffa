package dev.repairscope.net;

/**
 * One message on the wire. {@code payload} is the receiving protocol's business; the network only
 * looks at the addresses, the kind and the size.
 */
public record Message(long id, String from, String to, MessageKind kind, String key, int bytes, Object payload) {
}
