package dev.repairscope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RingTest {

    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void oneTokenPerNodeIsEvenlySpacedInNodeOrder() {
        Ring ring = new Ring(List.of("n1", "n2", "n3", "n4"), 1, 3);
        long step = Long.MAX_VALUE / 4;

        assertThat(ring.tokens()).containsExactly(
                Map.entry(step, "n1"), Map.entry(2 * step, "n2"), Map.entry(3 * step, "n3"), Map.entry(4 * step, "n4"));
    }

    @Test
    void preferenceListIsTheOwnerThenTheNextDistinctNodesClockwise() {
        Ring ring = new Ring(FIVE, 1, 3);
        List<Long> tokens = new ArrayList<>(ring.tokens().keySet());
        for (int i = 0; i < 2_000; i++) {
            String key = "key" + i;
            long token = Ring.tokenOf(key);
            int owner = 0;
            while (owner < tokens.size() && tokens.get(owner) < token) {
                owner++;
            }
            owner %= tokens.size(); // past the last token: wraps to the first
            List<String> expected = List.of(FIVE.get(owner), FIVE.get((owner + 1) % 5), FIVE.get((owner + 2) % 5));

            assertThat(ring.replicasFor(key)).as(key).isEqualTo(expected);
        }
    }

    @Test
    void aKeyOnATokenBelongsToThatTokensNode() {
        Ring ring = new Ring(FIVE, 1, 2);
        // a range is (previous, token]: the token itself is inside its own node's range
        Ring.TokenRange first = ring.ranges().get(0);

        assertThat(first.contains(first.end())).isTrue();
        assertThat(first.contains(first.start())).isFalse();
        assertThat(first.replicas()).containsExactly("n1", "n2");
    }

    @Test
    void vnodesStillGiveNDistinctReplicasAndEveryNodeInTheExtendedList() {
        Ring ring = new Ring(FIVE, 16, 3); // 16 tokens per node
        assertThat(ring.tokens()).hasSize(80);
        for (int i = 0; i < 2_000; i++) {
            String key = "key" + i;
            List<String> replicas = ring.replicasFor(key);
            assertThat(replicas).as(key).hasSize(3).doesNotHaveDuplicates();
            List<String> extended = ring.extendedPreferenceList(key);
            assertThat(extended).as(key).hasSize(5).doesNotHaveDuplicates().startsWith(replicas.toArray(String[]::new));
        }
    }

    @Test
    void rangesTileTheWholeRingWithoutGapsOrOverlap() {
        for (int vnodes : new int[] {1, 8}) {
            Ring ring = new Ring(FIVE, vnodes, 3);
            List<Ring.TokenRange> ranges = ring.ranges();
            assertThat(ranges).hasSize(5 * vnodes);

            BigInteger total = BigInteger.ZERO;
            for (int i = 0; i < ranges.size(); i++) {
                Ring.TokenRange previous = ranges.get((i + ranges.size() - 1) % ranges.size());
                assertThat(ranges.get(i).start()).as("vnodes %d range %d", vnodes, i).isEqualTo(previous.end());
                total = total.add(BigInteger.valueOf(ranges.get(i).width()));
            }
            assertThat(total).as("vnodes %d: 2^63 tokens", vnodes).isEqualTo(BigInteger.TWO.pow(63));

            for (int k = 0; k < 1_000; k++) {
                String key = "key" + k;
                long token = Ring.tokenOf(key);
                List<Ring.TokenRange> holding = ranges.stream().filter(r -> r.contains(token)).toList();
                assertThat(holding).as("vnodes %d %s", vnodes, key).hasSize(1);
                assertThat(holding.get(0).replicas()).isEqualTo(ring.replicasFor(key));
            }
        }
    }

    @Test
    void keysSpreadRoughlyEvenlyOverOwners() {
        Ring ring = new Ring(List.of("n1", "n2", "n3"), 1, 1);
        Map<String, Integer> owned = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            owned.merge(ring.replicasFor("user:" + i).get(0), 1, Integer::sum);
        }
        // 10000 each expected, standard deviation about 82
        assertThat(owned).hasSize(3);
        assertThat(owned.values()).allSatisfy(count -> assertThat(count).isBetween(9_600, 10_400));
    }

    @Test
    void withManyVnodesKeysStillSpreadRoughlyEvenly() {
        Ring ring = new Ring(List.of("n1", "n2", "n3", "n4"), 256, 1); // 256 tokens per node
        Map<String, Integer> owned = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            owned.merge(ring.replicasFor("user:" + i).get(0), 1, Integer::sum);
        }
        // 10000 each if perfectly even; 256 random tokens per node leave a spread of about 6%
        assertThat(owned).hasSize(4);
        assertThat(owned.values()).allSatisfy(count -> assertThat(count).isBetween(8_500, 11_500));
    }

    @Test
    void withReplicationEveryNodeHoldsItsShareOfKeys() {
        Ring ring = new Ring(FIVE, 1, 3);
        Map<String, Integer> held = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            ring.replicasFor("user:" + i).forEach(n -> held.merge(n, 1, Integer::sum));
        }
        // each node holds 3/5 of the keys: 30000
        assertThat(held.values()).allSatisfy(count -> assertThat(count).isBetween(29_300, 30_700));
    }

    @Test
    void commonRangesAreThoseBothNodesReplicate() {
        Ring ring = new Ring(FIVE, 1, 3);

        // with 5 nodes and N=3, neighbours share 2 ranges and nodes two apart share 1
        assertThat(ring.commonRanges("n1", "n2")).hasSize(2);
        assertThat(ring.commonRanges("n1", "n3")).hasSize(1);
        assertThat(ring.commonRanges("n1", "n3").get(0).replicas()).containsExactly("n1", "n2", "n3");
    }

    @Test
    void tokenOfIsStableAndNonNegative() {
        assertThat(Ring.tokenOf("user:42")).isEqualTo(Ring.tokenOf("user:42")).isNotNegative();
        assertThat(Ring.tokenOf("user:42")).isNotEqualTo(Ring.tokenOf("user:43"));
    }

    @Test
    void replicationFactorMustFitTheNodes() {
        assertThatThrownBy(() -> new Ring(List.of("n1", "n2"), 1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication factor 3 needs 1..2 nodes");
        assertThatThrownBy(() -> new Ring(List.of("n1", "n2"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
