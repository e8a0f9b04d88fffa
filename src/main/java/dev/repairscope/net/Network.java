package dev.repairscope.net;

import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.RandomSource;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The network as a value plus fault verbs ({@link #cut}, {@link #blip}, {@link #crash},
 * {@link #setLoss}, {@link #slow}, {@link #addFilter}). A message's fate is decided at send time
 * (loss, filters, cut links) and checked again on arrival (receiver crashed or link cut meanwhile).
 * Messages a node sends to itself are delivered at once and never lost.
 */
public final class Network {

    /** Told when a node crashes or recovers, or when reachability between two nodes changes. */
    public interface Listener {
        default void nodeCrashed(String node) {
        }

        default void nodeRecovered(String node) {
        }

        default void linkChanged(Link link) {
        }
    }

    /** A node as the network sees it: found once per message sent, then carried with the message. */
    private static final class Endpoint {
        Consumer<Message> handler;
        boolean crashed;
    }

    private final Simulation sim;
    private final List<String> nodes;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final RandomSource.Stream latencyRandom;
    private final RandomSource.Stream lossRandom;

    private LatencyDistribution defaultLatency = new LatencyDistribution.Constant(Durations.ms(1));
    private final Map<MessageKind, LatencyDistribution> kindLatency = new EnumMap<>(MessageKind.class);
    private final Map<Link, LatencyDistribution> linkLatency = new HashMap<>();
    private final Map<Link, Double> slowFactor = new HashMap<>();
    private final Set<Link> cut = new LinkedHashSet<>();
    private final List<MessageFilter> filters = new ArrayList<>();
    private double loss;
    private long nextMessageId = 1;

    private final long[] bytesByKind = new long[MessageKind.values().length];
    private final long[] countByKind = new long[MessageKind.values().length];

    public Network(Simulation sim, List<String> nodes) {
        this.sim = sim;
        this.nodes = List.copyOf(nodes);
        for (String node : this.nodes) {
            endpoints.put(node, new Endpoint());
        }
        this.latencyRandom = sim.random().stream("net.latency");
        this.lossRandom = sim.random().stream("net.loss");
    }

    // ---- construction -----------------------------------------------------------------------

    public List<String> nodes() {
        return nodes;
    }

    public void register(String node, Consumer<Message> handler) {
        endpoint(node).handler = handler;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void setDefaultLatency(LatencyDistribution latency) {
        this.defaultLatency = latency;
    }

    public void setKindLatency(MessageKind kind, LatencyDistribution latency) {
        kindLatency.put(kind, latency);
    }

    /** Latency of one direction of one link (overrides the per-kind and default latency). */
    public void setLinkLatency(String from, String to, LatencyDistribution latency) {
        linkLatency.put(link(from, to), latency);
    }

    // ---- sending ----------------------------------------------------------------------------

    /** Sends a message; returns its id. A crashed sender sends nothing (returns -1). */
    public long send(String from, String to, MessageKind kind, String key, int bytes, Object payload) {
        Endpoint source = endpoint(from);
        Endpoint target = endpoint(to);
        if (source.crashed) {
            return -1;
        }
        Message message = new Message(nextMessageId++, from, to, kind, key, bytes, payload);
        bytesByKind[kind.ordinal()] += bytes;
        countByKind[kind.ordinal()]++;
        if (source == target) {
            sim.after(0, () -> deliver(message, target));
            return message.id();
        }
        long delay = delayOf(message);
        sim.record(new Event.MessageSent(sim.now(), message.id(), kind.label(), from, to, key, bytes, sim.now() + delay));
        String dropReason = dropReasonAtSend(message);
        if (dropReason != null) {
            // the message is lost on the way: it vanishes at its would-be arrival, so it can be drawn falling
            sim.after(delay, () -> drop(message, dropReason));
        } else {
            sim.after(delay, () -> arrive(message, target));
        }
        return message.id();
    }

    private long delayOf(Message message) {
        // the link-specific tables are usually empty: look a link up only when one has entries
        Link link = linkLatency.isEmpty() && slowFactor.isEmpty() ? null : new Link(message.from(), message.to());
        LatencyDistribution distribution = link == null ? null : linkLatency.get(link);
        if (distribution == null) {
            distribution = kindLatency.getOrDefault(message.kind(), defaultLatency);
        }
        long delay = Math.max(1, distribution.sample(latencyRandom));
        Double factor = link == null ? null : slowFactor.get(link);
        return factor == null ? delay : Math.max(1, Math.round(delay * factor));
    }

    private boolean isCut(Message message) {
        return !cut.isEmpty() && cut.contains(new Link(message.from(), message.to()));
    }

    private String dropReasonAtSend(Message message) {
        if (isCut(message)) {
            return "the link " + message.from() + " -> " + message.to() + " is cut";
        }
        for (MessageFilter filter : filters) {
            if (filter.matches(message) && lossRandom.decide(filter.probability())) {
                filter.consumeOne();
                return "filter \"" + filter.name() + "\"";
            }
        }
        if (loss > 0 && lossRandom.decide(loss)) {
            return "random loss (" + loss + ")";
        }
        return null;
    }

    private void arrive(Message message, Endpoint target) {
        if (target.crashed) {
            drop(message, message.to() + " is down");
        } else if (isCut(message)) {
            drop(message, "the link was cut while it was in flight");
        } else {
            sim.record(new Event.MessageDelivered(sim.now(), message.id(), message.kind().label(), message.from(),
                    message.to(), message.key()));
            deliver(message, target);
        }
    }

    private void deliver(Message message, Endpoint target) {
        if (!target.crashed && target.handler != null) {
            target.handler.accept(message);
        }
    }

    private void drop(Message message, String reason) {
        sim.record(new Event.MessageDropped(sim.now(), message.id(), message.kind().label(), message.from(),
                message.to(), message.key(), reason));
    }

    // ---- faults -----------------------------------------------------------------------------

    public void crash(String node) {
        Endpoint endpoint = endpoint(node);
        if (!endpoint.crashed) {
            endpoint.crashed = true;
            sim.record(new Event.NodeCrashed(sim.now(), node));
            listeners.forEach(l -> l.nodeCrashed(node));
        }
    }

    public void recover(String node) {
        Endpoint endpoint = endpoint(node);
        if (endpoint.crashed) {
            endpoint.crashed = false;
            sim.record(new Event.NodeRecovered(sim.now(), node));
            listeners.forEach(l -> l.nodeRecovered(node));
        }
    }

    public boolean isUp(String node) {
        Endpoint endpoint = endpoints.get(node);
        return endpoint == null || !endpoint.crashed; // an unknown node was never crashed
    }

    /** Cuts {@code from -> to}, and the reverse too unless {@code oneWay}. */
    public void cut(String from, String to, boolean oneWay) {
        Link link = link(from, to);
        boolean changed = cut.add(link);
        if (!oneWay) {
            changed |= cut.add(link.reversed());
        }
        if (changed) {
            sim.record(new Event.LinkCut(sim.now(), from, to, oneWay));
            notifyLink(link, oneWay);
        }
    }

    public void heal(String from, String to, boolean oneWay) {
        Link link = link(from, to);
        boolean changed = cut.remove(link);
        if (!oneWay) {
            changed |= cut.remove(link.reversed());
        }
        if (changed) {
            sim.record(new Event.LinkHealed(sim.now(), from, to, oneWay));
            notifyLink(link, oneWay);
        }
    }

    /** Splits the nodes into groups that cannot reach each other (both ways). */
    public void partition(List<List<String>> groups) {
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (String a : groups.get(i)) {
                    for (String b : groups.get(j)) {
                        cut(a, b, false);
                    }
                }
            }
        }
    }

    /** Heals every cut link. */
    public void healAll() {
        for (Link link : List.copyOf(cut)) {
            if (cut.remove(link)) {
                sim.record(new Event.LinkHealed(sim.now(), link.from(), link.to(), true));
                notifyLink(link, true);
            }
        }
    }

    /** Cuts a link for {@code duration}, then heals it. */
    public void blip(String from, String to, boolean oneWay, long duration) {
        cut(from, to, oneWay);
        sim.after(duration, () -> heal(from, to, oneWay));
    }

    public boolean isCut(String from, String to) {
        return cut.contains(new Link(from, to));
    }

    public Set<Link> cutLinks() {
        return Set.copyOf(cut);
    }

    /** True when a message from {@code from} would reach {@code to} now (both up, link not cut). */
    public boolean reachable(String from, String to) {
        return from.equals(to) ? isUp(from) : isUp(from) && isUp(to) && !cut.contains(new Link(from, to));
    }

    /** Multiplies the delay of both directions of a link by {@code factor} (1 restores it). */
    public void slow(String a, String b, double factor) {
        for (Link link : List.of(link(a, b), link(b, a))) {
            if (factor == 1) {
                slowFactor.remove(link);
            } else {
                slowFactor.put(link, factor);
            }
        }
        sim.record(new Event.NetworkChanged(sim.now(), factor == 1 ? "link " + a + " <-> " + b + " back to normal speed"
                : "link " + a + " <-> " + b + " is " + factor + "x slower"));
    }

    public void setLoss(double probability) {
        this.loss = probability;
        sim.record(new Event.NetworkChanged(sim.now(), "random message loss set to " + probability));
    }

    public double loss() {
        return loss;
    }

    public void addFilter(MessageFilter filter) {
        filters.add(filter);
        sim.record(new Event.NetworkChanged(sim.now(), "filter \"" + filter.name() + "\" installed: " + filter.describe()));
    }

    public boolean removeFilter(String name) {
        boolean removed = filters.removeIf(f -> f.name().equals(name));
        if (removed) {
            sim.record(new Event.NetworkChanged(sim.now(), "filter \"" + name + "\" removed"));
        }
        return removed;
    }

    public List<MessageFilter> filters() {
        return List.copyOf(filters);
    }

    // ---- traffic counters ---------------------------------------------------------------------

    public long bytesSent(MessageKind kind) {
        return bytesByKind[kind.ordinal()];
    }

    public long messagesSent(MessageKind kind) {
        return countByKind[kind.ordinal()];
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void notifyLink(Link link, boolean oneWay) {
        listeners.forEach(l -> l.linkChanged(link));
        if (!oneWay) {
            listeners.forEach(l -> l.linkChanged(link.reversed()));
        }
    }

    private Link link(String from, String to) {
        requireNode(from);
        requireNode(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a link joins two different nodes, got " + from + " twice");
        }
        return new Link(from, to);
    }

    private void requireNode(String node) {
        endpoint(node);
    }

    private Endpoint endpoint(String node) {
        Endpoint endpoint = endpoints.get(node);
        if (endpoint == null) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes are " + nodes + ")");
        }
        return endpoint;
    }
}
