package dev.repairscope.net;

/** A directed link between two nodes. */
public record Link(String from, String to) {
    public Link reversed() {
        return new Link(to, from);
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}
