package dev.repairscope.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkTest {

    /** A received message and when it arrived. */
    record Received(long at, Message message) {
    }

    private Simulation sim = new Simulation(1);
    private Network net = network(sim);
    private final List<Received> received = new ArrayList<>();

    private Network network(Simulation s) {
        Network n = new Network(s, List.of("n1", "n2", "n3"));
        for (String node : n.nodes()) {
            n.register(node, m -> received.add(new Received(s.now(), m)));
        }
        return n;
    }

    private void reseed(long seed) {
        sim = new Simulation(seed);
        net = network(sim);
    }

    private long send(String from, String to, MessageKind kind) {
        return net.send(from, to, kind, "k", 100, null);
    }

    private List<Event.MessageDropped> drops() {
        return sim.journal().events().stream().filter(e -> e instanceof Event.MessageDropped)
                .map(e -> (Event.MessageDropped) e).toList();
    }

    private long arrivalOf(long id) {
        return received.stream().filter(r -> r.message().id() == id).mapToLong(Received::at).findFirst().orElse(-1);
    }

    // ---- latency ------------------------------------------------------------------------------

    @Test
    void defaultLatencyIsOneMillisecondAndTheSentEventSaysWhenItArrives() {
        long id = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(arrivalOf(id)).isEqualTo(1_000);
        assertThat(sim.journal().events()).startsWith(
                new Event.MessageSent(0, id, "write", "n1", "n2", "k", 100, 1_000),
                new Event.MessageDelivered(1_000, id, "write", "n1", "n2", "k"));
    }

    @Test
    void perKindLatencyOverridesTheDefault() {
        net.setKindLatency(MessageKind.WRITE, new LatencyDistribution.Constant(Durations.ms(5)));
        long write = send("n1", "n2", MessageKind.WRITE);
        long read = send("n1", "n2", MessageKind.READ_DATA);
        sim.runUntil(Durations.seconds(1));

        assertThat(arrivalOf(write)).isEqualTo(5_000);
        assertThat(arrivalOf(read)).isEqualTo(1_000);
    }

    @Test
    void perLinkLatencyOverridesPerKindInOneDirectionOnly() {
        net.setKindLatency(MessageKind.WRITE, new LatencyDistribution.Constant(Durations.ms(5)));
        net.setLinkLatency("n1", "n2", new LatencyDistribution.Constant(Durations.ms(20)));
        long there = send("n1", "n2", MessageKind.WRITE);
        long back = send("n2", "n1", MessageKind.WRITE);
        long elsewhere = send("n1", "n3", MessageKind.READ_DATA);
        sim.runUntil(Durations.seconds(1));

        assertThat(arrivalOf(there)).isEqualTo(20_000);
        assertThat(arrivalOf(back)).isEqualTo(5_000);
        assertThat(arrivalOf(elsewhere)).isEqualTo(1_000);
    }

    @Test
    void zeroLatencyStillTakesOneMicrosecond() {
        net.setDefaultLatency(new LatencyDistribution.Constant(0));
        long id = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(10);

        assertThat(arrivalOf(id)).isEqualTo(1);
    }

    @Test
    void slowLinkMultipliesTheDelayBothWaysUntilRestored() {
        net.setDefaultLatency(new LatencyDistribution.Constant(Durations.ms(2)));
        net.slow("n1", "n2", 10); // factor 10
        long there = send("n1", "n2", MessageKind.WRITE);
        long back = send("n2", "n1", MessageKind.WRITE_ACK);
        long other = send("n1", "n3", MessageKind.WRITE);
        sim.runUntil(Durations.ms(100));
        net.slow("n1", "n2", 1); // back to normal
        long later = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.ms(200));

        assertThat(arrivalOf(there)).isEqualTo(20_000);
        assertThat(arrivalOf(back)).isEqualTo(20_000);
        assertThat(arrivalOf(other)).isEqualTo(2_000);
        assertThat(arrivalOf(later)).isEqualTo(102_000);
        assertThat(sim.journal().events()).contains(
                new Event.NetworkChanged(0, "link n1 <-> n2 is 10.0x slower"),
                new Event.NetworkChanged(100_000, "link n1 <-> n2 back to normal speed"));
    }

    @Test
    void messageToSelfIsDeliveredAtOnceAndNeverLost() {
        net.setLoss(1.0);
        long id = send("n1", "n1", MessageKind.WRITE);
        sim.runUntil(0);

        assertThat(arrivalOf(id)).isEqualTo(0);
        assertThat(drops()).isEmpty();
    }

    // ---- loss -------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomLossDropsAboutTheGivenShare(long seed) {
        reseed(seed);
        net.setLoss(0.2); // 20%
        for (int i = 0; i < 20_000; i++) {
            send("n1", "n2", MessageKind.WRITE);
        }
        sim.runUntil(Durations.seconds(1));

        // 4000 expected, standard deviation sqrt(20000 * 0.2 * 0.8) = 57
        assertThat(drops()).as("seed %d", seed).hasSizeBetween(3_800, 4_200);
        assertThat(received).as("seed %d", seed).hasSize(20_000 - drops().size());
        assertThat(drops()).allSatisfy(d -> assertThat(d.reason()).isEqualTo("random loss (0.2)"));
        assertThat(net.messagesSent(MessageKind.WRITE)).isEqualTo(20_000);
    }

    @Test
    void lostMessageVanishesAtItsWouldBeArrival() {
        net.setLoss(1.0);
        long id = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).containsExactly(
                new Event.MessageDropped(1_000, id, "write", "n1", "n2", "k", "random loss (1.0)"));
        assertThat(received).isEmpty();
    }

    // ---- partitions -------------------------------------------------------------------------

    @Test
    void twoWayCutDropsBothDirectionsOnly() {
        net.cut("n1", "n2", false);
        long there = send("n1", "n2", MessageKind.WRITE);
        long back = send("n2", "n1", MessageKind.WRITE);
        long around = send("n1", "n3", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id, Event.MessageDropped::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(there, "the link n1 -> n2 is cut"),
                org.assertj.core.groups.Tuple.tuple(back, "the link n2 -> n1 is cut"));
        assertThat(arrivalOf(around)).isEqualTo(1_000);
        assertThat(net.isCut("n1", "n2")).isTrue();
        assertThat(net.isCut("n2", "n1")).isTrue();
        assertThat(net.reachable("n1", "n2")).isFalse();
        assertThat(net.reachable("n1", "n3")).isTrue();
    }

    @Test
    void oneWayCutDropsOnlyThatDirection() {
        net.cut("n1", "n2", true);
        long there = send("n1", "n2", MessageKind.WRITE);
        long back = send("n2", "n1", MessageKind.WRITE_ACK);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(there);
        assertThat(arrivalOf(back)).isEqualTo(1_000);
        assertThat(net.reachable("n1", "n2")).isFalse();
        assertThat(net.reachable("n2", "n1")).isTrue();
        assertThat(net.cutLinks()).containsExactly(new Link("n1", "n2"));
    }

    @Test
    void linkCutWhileAMessageIsInFlightDropsItOnArrival() {
        net.setDefaultLatency(new LatencyDistribution.Constant(Durations.ms(10)));
        long id = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.ms(5));
        net.cut("n1", "n2", false);
        sim.runUntil(Durations.ms(20));

        assertThat(drops()).containsExactly(new Event.MessageDropped(10_000, id, "write", "n1", "n2", "k",
                "the link was cut while it was in flight"));
    }

    @Test
    void healRestoresDelivery() {
        net.cut("n1", "n2", false);
        net.heal("n1", "n2", false);
        long id = send("n2", "n1", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(arrivalOf(id)).isEqualTo(1_000);
        assertThat(net.cutLinks()).isEmpty();
    }

    @Test
    void partitionCutsEveryLinkBetweenGroupsAndHealAllRestoresThem() {
        net.partition(List.of(List.of("n1"), List.of("n2", "n3")));

        assertThat(net.cutLinks()).containsExactlyInAnyOrder(new Link("n1", "n2"), new Link("n2", "n1"),
                new Link("n1", "n3"), new Link("n3", "n1"));
        assertThat(net.reachable("n2", "n3")).isTrue();

        net.healAll();
        assertThat(net.cutLinks()).isEmpty();
    }

    @Test
    void blipHealsAfterItsDuration() {
        net.blip("n1", "n2", false, Durations.ms(100)); // 100 ms
        sim.runUntil(Durations.ms(50));
        long during = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.ms(150));
        long after = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.ms(300));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(during);
        assertThat(arrivalOf(after)).isEqualTo(151_000);
        assertThat(sim.journal().events()).contains(new Event.LinkCut(0, "n1", "n2", false),
                new Event.LinkHealed(100_000, "n1", "n2", false));
    }

    // ---- crashes ----------------------------------------------------------------------------

    @Test
    void crashedNodeReceivesNothingAndSendsNothingUntilItRecovers() {
        net.setDefaultLatency(new LatencyDistribution.Constant(Durations.ms(10)));
        long inFlight = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.ms(5));
        net.crash("n2");
        long toCrashed = send("n3", "n2", MessageKind.WRITE);
        long fromCrashed = send("n2", "n1", MessageKind.WRITE_ACK);
        sim.runUntil(Durations.ms(30));

        assertThat(fromCrashed).isEqualTo(-1);
        assertThat(net.messagesSent(MessageKind.WRITE_ACK)).isZero();
        assertThat(drops()).extracting(Event.MessageDropped::id, Event.MessageDropped::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(inFlight, "n2 is down"),
                org.assertj.core.groups.Tuple.tuple(toCrashed, "n2 is down"));
        assertThat(net.isUp("n2")).isFalse();

        net.recover("n2");
        long afterRecovery = send("n2", "n1", MessageKind.WRITE_ACK);
        sim.runUntil(Durations.ms(50));
        assertThat(arrivalOf(afterRecovery)).isEqualTo(40_000);
        assertThat(sim.journal().events()).contains(new Event.NodeCrashed(5_000, "n2"),
                new Event.NodeRecovered(30_000, "n2"));
    }

    @Test
    void crashedNodeDoesNotEvenReceiveFromItself() {
        net.crash("n1");

        assertThat(send("n1", "n1", MessageKind.WRITE)).isEqualTo(-1);
        assertThat(net.reachable("n1", "n1")).isFalse();
    }

    @Test
    void listenersHearCrashesRecoveriesAndLinkChanges() {
        List<String> heard = new ArrayList<>();
        net.addListener(new Network.Listener() {
            @Override
            public void nodeCrashed(String node) {
                heard.add("crash " + node);
            }

            @Override
            public void nodeRecovered(String node) {
                heard.add("recover " + node);
            }

            @Override
            public void linkChanged(Link link) {
                heard.add("link " + link);
            }
        });
        net.crash("n3");
        net.crash("n3"); // already down: no news
        net.recover("n3");
        net.cut("n1", "n2", true);
        net.cut("n1", "n3", false);

        assertThat(heard).containsExactly("crash n3", "recover n3", "link n1->n2", "link n1->n3", "link n3->n1");
    }

    // ---- filters ----------------------------------------------------------------------------

    @Test
    void filterDropsOnlyTheMatchingKindToTheMatchingNode() {
        net.addFilter(new MessageFilter("no-writes-to-n2", Set.of(MessageKind.WRITE), null, "n2", 1.0, -1));
        long writeToN2 = send("n1", "n2", MessageKind.WRITE);
        long writeToN3 = send("n1", "n3", MessageKind.WRITE);
        long readToN2 = send("n1", "n2", MessageKind.READ_DATA);
        long writeFromN3ToN2 = send("n3", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(writeToN2, writeFromN3ToN2);
        assertThat(drops()).allSatisfy(d -> assertThat(d.reason()).isEqualTo("filter \"no-writes-to-n2\""));
        assertThat(received).extracting(r -> r.message().id()).containsExactlyInAnyOrder(writeToN3, readToN2);
    }

    @Test
    void filterOnReadRepairLeavesOrdinaryWritesAlone() {
        net.addFilter(new MessageFilter("rr", Set.of(MessageKind.READ_REPAIR), null, null, 1.0, -1));
        long repair = send("n1", "n2", MessageKind.READ_REPAIR);
        long write = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(repair);
        assertThat(arrivalOf(write)).isEqualTo(1_000);
    }

    @Test
    void filterBySenderMatchesOnlyThatSender() {
        net.addFilter(new MessageFilter("from-n3", null, "n3", null, 1.0, -1)); // any kind from n3
        long fromN3 = send("n3", "n1", MessageKind.READ_RESPONSE);
        long fromN2 = send("n2", "n1", MessageKind.READ_RESPONSE);
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(fromN3);
        assertThat(arrivalOf(fromN2)).isEqualTo(1_000);
    }

    @Test
    void filterWithACountDropsThatManyThenLetsMessagesThrough() {
        net.addFilter(new MessageFilter("two", Set.of(MessageKind.WRITE), null, "n2", 1.0, 2)); // next 2 only
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(send("n1", "n2", MessageKind.WRITE));
        }
        sim.runUntil(Durations.seconds(1));

        assertThat(drops()).extracting(Event.MessageDropped::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(received).hasSize(3);
    }

    @Test
    void removingAFilterRestoresDelivery() {
        net.addFilter(new MessageFilter("f", Set.of(MessageKind.WRITE), null, null, 1.0, -1));
        assertThat(net.removeFilter("f")).isTrue();
        assertThat(net.removeFilter("f")).isFalse();
        long id = send("n1", "n2", MessageKind.WRITE);
        sim.runUntil(Durations.seconds(1));

        assertThat(arrivalOf(id)).isEqualTo(1_000);
        assertThat(net.filters()).isEmpty();
        assertThat(sim.journal().events()).contains(
                new Event.NetworkChanged(0, "filter \"f\" installed: drop [write]"),
                new Event.NetworkChanged(0, "filter \"f\" removed"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void probabilisticFilterDropsAboutItsShare(long seed) {
        reseed(seed);
        net.addFilter(new MessageFilter("half", Set.of(MessageKind.WRITE), null, null, 0.5, -1));
        for (int i = 0; i < 10_000; i++) {
            send("n1", "n2", MessageKind.WRITE);
        }
        sim.runUntil(Durations.seconds(1));

        // 5000 expected, standard deviation 50
        assertThat(drops()).as("seed %d", seed).hasSizeBetween(4_800, 5_200);
    }

    // ---- traffic counters -------------------------------------------------------------------

    @Test
    void trafficCountersCountEveryMessageSentByKindEvenLostOnes() {
        net.cut("n1", "n3", false);
        net.send("n1", "n2", MessageKind.WRITE, "k", 120, null);
        net.send("n1", "n3", MessageKind.WRITE, "k", 80, null); // dropped, still sent
        net.send("n1", "n1", MessageKind.WRITE, "k", 50, null); // to itself
        net.send("n2", "n1", MessageKind.WRITE_ACK, "k", 16, null);
        net.crash("n2");
        net.send("n2", "n1", MessageKind.WRITE_ACK, "k", 16, null); // crashed sender: not sent
        sim.runUntil(Durations.seconds(1));

        assertThat(net.messagesSent(MessageKind.WRITE)).isEqualTo(3);
        assertThat(net.bytesSent(MessageKind.WRITE)).isEqualTo(250);
        assertThat(net.messagesSent(MessageKind.WRITE_ACK)).isEqualTo(1);
        assertThat(net.bytesSent(MessageKind.WRITE_ACK)).isEqualTo(16);
        assertThat(net.messagesSent(MessageKind.STREAM)).isZero();
    }

    @Test
    void unknownNodesAndSelfLinksAreRejected() {
        assertThatThrownBy(() -> send("n1", "n9", MessageKind.WRITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown node n9 (nodes are [n1, n2, n3])");
        assertThatThrownBy(() -> net.cut("n1", "n1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a link joins two different nodes, got n1 twice");
    }

    @Test
    void messageKindParsesTheUsualSpellings() {
        assertThat(MessageKind.parse("write")).isEqualTo(MessageKind.WRITE);
        assertThat(MessageKind.parse("read-repair")).isEqualTo(MessageKind.READ_REPAIR);
        assertThat(MessageKind.parse("read repair write")).isEqualTo(MessageKind.READ_REPAIR);
        assertThat(MessageKind.parse(" HINT_REPLAY ")).isEqualTo(MessageKind.HINT_REPLAY);
    }

    @Test
    void sameSeedGivesTheSameJournal() {
        String[] digests = new String[2];
        for (int run = 0; run < 2; run++) {
            reseed(5);
            net.setDefaultLatency(new LatencyDistribution.Exponential(500, 2_000));
            net.setLoss(0.1);
            for (int i = 0; i < 500; i++) {
                send("n" + (1 + i % 3), "n" + (1 + (i + 1) % 3), MessageKind.WRITE);
            }
            sim.runUntil(Durations.seconds(1));
            digests[run] = sim.journal().digest();
        }
        assertThat(digests[0]).isEqualTo(digests[1]);
    }
}
