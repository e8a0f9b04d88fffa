package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a snapshot copy must get right: independence, sharing, cycles, lambdas, records, refusals. */
class DeepCopyTest {

    static final class Counter {
        long count;
        Counter partner;
        final List<Runnable> later = new ArrayList<>();
    }

    record Pair(String name, long value) {
    }

    record Holder(String name, Counter counter) {
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        Counter original = new Counter();
        original.count = 5;
        Counter copy = DeepCopy.of(original);
        copy.count++;
        original.count += 10;
        assertThat(copy.count).isEqualTo(6);
        assertThat(original.count).isEqualTo(15);
    }

    @Test
    void cyclesAndSharedReferencesStayCyclesAndShared() {
        Counter a = new Counter();
        Counter b = new Counter();
        a.partner = b;
        b.partner = a;
        List<Counter> both = new ArrayList<>(List.of(a, b, a));

        List<Counter> copy = DeepCopy.of(both);

        assertThat(copy.get(0)).isNotSameAs(a).isSameAs(copy.get(2));
        assertThat(copy.get(0).partner).isSameAs(copy.get(1));
        assertThat(copy.get(1).partner).isSameAs(copy.get(0));
    }

    @Test
    void aLambdaActsOnTheCopiesOfWhatItCaptured() {
        Counter counter = new Counter();
        counter.later.add(() -> counter.count++);

        Counter copy = DeepCopy.of(counter);
        copy.later.get(0).run();

        assertThat(copy.count).isEqualTo(1);
        assertThat(counter.count).as("the original is untouched").isZero();
    }

    @Test
    void immutableValuesAreSharedAndRecordsWithMutablePartsRebuilt() {
        Pair pair = new Pair("a", 1);
        Holder holder = new Holder("h", new Counter());
        Map<String, Object> map = new HashMap<>(Map.of("pair", pair, "holder", holder));

        Map<String, Object> copy = DeepCopy.of(map);

        assertThat(copy.get("pair")).isSameAs(pair);
        assertThat(copy.get("holder")).isNotSameAs(holder).isEqualTo(new Holder("h", ((Holder) copy.get("holder")).counter()));
        assertThat(((Holder) copy.get("holder")).counter()).isNotSameAs(holder.counter());
    }

    @Test
    void collectionsKeepTheirOrderAndComparators() {
        TreeMap<String, Integer> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("a", 1);
        reversed.put("c", 3);
        reversed.put("b", 2);
        PriorityQueue<Long> queue = new PriorityQueue<>(List.of(5L, 1L, 3L));
        EnumMap<java.util.concurrent.TimeUnit, Counter> byUnit = new EnumMap<>(java.util.concurrent.TimeUnit.class);
        byUnit.put(java.util.concurrent.TimeUnit.SECONDS, new Counter());

        assertThat(DeepCopy.of(reversed).keySet()).containsExactly("c", "b", "a");
        PriorityQueue<Long> q = DeepCopy.of(queue);
        assertThat(List.of(q.poll(), q.poll(), q.poll())).containsExactly(1L, 3L, 5L);
        assertThat(DeepCopy.of(byUnit).get(java.util.concurrent.TimeUnit.SECONDS)).isNotSameAs(byUnit.get(java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void anUnsupportedTypeIsRefusedWithThePathThatReachedIt() {
        Holder holder = new Holder("h", new Counter());
        holder.counter().later.add(new AtomicLong()::incrementAndGet);
        List<Object> root = new ArrayList<>(List.of(new Object[] {new AtomicLong(3)}));

        assertThatThrownBy(() -> DeepCopy.of(root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.concurrent.atomic.AtomicLong");
        assertThatThrownBy(() -> DeepCopy.of(holder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AtomicLong");
    }

    @Test
    void aJournalCopySharesWhatItHasAndGrowsOnItsOwn() {
        Journal journal = new Journal();
        for (int i = 0; i < 10_000; i++) {
            journal.append(new Event.Caption(i, "c" + i));
        }
        Journal copy = DeepCopy.of(journal);
        copy.append(new Event.Caption(10_000, "only in the copy"));
        journal.append(new Event.Caption(10_000, "only in the original"));

        assertThat(copy.size()).isEqualTo(10_001);
        assertThat(copy.events().get(9_999)).isSameAs(journal.events().get(9_999));
        assertThat(((Event.Caption) copy.events().get(10_000)).text()).isEqualTo("only in the copy");
        assertThat(((Event.Caption) journal.events().get(10_000)).text()).isEqualTo("only in the original");
    }
}
