package dev.repairscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private record Entry(long time, long sequence) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::time).thenComparingLong(Entry::sequence);

    @Test
    void popsInTheSameOrderAsAPriorityQueueUnderRandomAddsAndPolls() {
        SplittableRandom random = new SplittableRandom(7);
        TimerQueue<Entry> queue = new TimerQueue<>();
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        List<Entry> popped = new ArrayList<>();
        List<Entry> expected = new ArrayList<>();
        long sequence = 0;
        long now = 0;
        for (int round = 0; round < 200_000; round++) {
            if (random.nextInt(100) < 55 || reference.isEmpty()) {
                // many ties on time: only the sequence tells them apart
                Entry entry = new Entry(now + random.nextInt(50), sequence++);
                queue.add(entry.time(), entry.sequence(), entry);
                reference.add(entry);
            } else {
                assertThat(queue.peek()).isEqualTo(reference.peek());
                Entry next = queue.poll();
                popped.add(next);
                expected.add(reference.poll());
                now = next.time();
            }
            assertThat(queue.size()).isEqualTo(reference.size());
        }
        while (!reference.isEmpty()) {
            popped.add(queue.poll());
            expected.add(reference.poll());
        }
        assertThat(popped).hasSizeGreaterThan(80_000).isEqualTo(expected);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll()).isNull();
        assertThat(queue.peek()).isNull();
    }

    @Test
    void removeIfKeepsTheOrderOfTheRest() {
        SplittableRandom random = new SplittableRandom(11);
        TimerQueue<Entry> queue = new TimerQueue<>();
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        long sequence = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 1_000; i++) {
                Entry entry = new Entry(random.nextInt(2_000), sequence++);
                queue.add(entry.time(), entry.sequence(), entry);
                reference.add(entry);
            }
            long third = random.nextInt(3);
            queue.removeIf(e -> e.sequence() % 3 == third);
            reference.removeIf(e -> e.sequence() % 3 == third);
            assertThat(queue.size()).isEqualTo(reference.size());
            for (int i = 0; i < 400; i++) {
                assertThat(queue.poll()).isEqualTo(reference.poll());
            }
        }
        while (!reference.isEmpty()) {
            assertThat(queue.poll()).isEqualTo(reference.poll());
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void forEachVisitsEveryPendingItemOnce() {
        TimerQueue<String> queue = new TimerQueue<>();
        for (int i = 0; i < 300; i++) {
            queue.add(300 - i, i, "t" + i);
        }
        queue.poll();
        List<String> seen = new ArrayList<>();
        queue.forEach(seen::add);
        assertThat(seen).hasSize(299).doesNotHaveDuplicates().doesNotContain("t299");
    }
}
