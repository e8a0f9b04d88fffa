package dev.repairscope.sim;

/**
 * The event loop. Single-threaded: each {@link #step()} runs exactly one scheduled action at its
 * simulated time. Actions scheduled for the same instant run in the order they were scheduled.
 */
public final class Simulation implements DeepCopy.Custom {

    /** A scheduled action; cancel it to make the loop skip it. */
    public static final class Timer {
        private final long time;
        private final long sequence;
        private final Runnable action;
        private final Simulation owner;
        private boolean cancelled;
        /** Taken off the queue (run, or skipped as cancelled): cancelling it now leaves nothing behind. */
        private boolean done;

        private Timer(long time, long sequence, Runnable action, Simulation owner) {
            this.time = time;
            this.sequence = sequence;
            this.action = action;
            this.owner = owner;
        }

        public long time() {
            return time;
        }

        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (!done) {
                    owner.timerCancelled();
                }
            }
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final TimerQueue<Timer> queue = new TimerQueue<>();
    /**
     * Cancelled timers still in the queue. Nearly every operation arms a timeout and cancels it
     * when the replies are in, so without a sweep most of the queue would be dead timers: every
     * pop would sift through a heap three times larger than the live one, and a pop in seven
     * would be a dead timer. Once they outnumber the live ones, they are swept out at once.
     */
    private int cancelledWaiting;
    private Journal journal = new Journal(); // set once; not final only so that a copy can fill it in
    private RandomSource random;
    private long now;
    private long sequence;
    private long stepsRun;

    public Simulation(long seed) {
        this.random = new RandomSource(seed);
    }

    private Simulation(Simulation original) {
        this.now = original.now;
        this.sequence = original.sequence;
        this.stepsRun = original.stepsRun;
    }

    /**
     * A copy of the whole simulation (see {@link DeepCopy}) without the cancelled timers still
     * waiting in the queue: they would never run, and with them go the finished operations they
     * held on to. The live timers keep their times and sequence numbers, so the order is the same.
     */
    @Override
    public Object copyWith(DeepCopy copier) {
        Simulation copy = new Simulation(this);
        copier.remember(this, copy);
        copy.journal = copier.copy(journal);
        copy.random = copier.copy(random);
        queue.forEach(timer -> {
            if (!timer.cancelled) {
                Timer copied = copier.copy(timer);
                copy.queue.add(copied.time, copied.sequence, copied);
            }
        });
        return copy;
    }

    /** Simulated time now, in microseconds since the start of the run. */
    public long now() {
        return now;
    }

    public Journal journal() {
        return journal;
    }

    public RandomSource random() {
        return random;
    }

    /** Records an event stamped with the current simulated time. */
    public void record(Event event) {
        journal.append(event);
    }

    /** Runs {@code action} after {@code delayMicros} (zero runs it after everything already due now). */
    public Timer after(long delayMicros, Runnable action) {
        if (delayMicros < 0) {
            throw new IllegalArgumentException("negative delay: " + delayMicros);
        }
        return at(now + delayMicros, action);
    }

    /** Runs {@code action} at simulated time {@code time} (not before now). */
    public Timer at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("time " + time + " is in the past (now " + now + ")");
        }
        Timer timer = new Timer(time, sequence++, action, this);
        queue.add(timer.time, timer.sequence, timer);
        return timer;
    }

    /** Runs the next live action. Returns false when nothing is left to run. */
    public boolean step() {
        Timer next = pollLive();
        if (next == null) {
            return false;
        }
        next.done = true;
        now = next.time;
        stepsRun++;
        next.action.run();
        return true;
    }

    /** Runs every action due at or before {@code time}, then sets the clock to {@code time}. */
    public void runUntil(long time) {
        // step() inlined: the head's time comes from the queue's keys, and each timer is touched once
        while (!queue.isEmpty() && queue.peekTime() <= time) {
            Timer next = queue.poll();
            next.done = true;
            if (next.cancelled) {
                cancelledWaiting--;
            } else {
                now = next.time;
                stepsRun++;
                next.action.run();
            }
        }
        if (time > now) {
            now = time;
        }
    }

    /** Time of the next live action, or -1 when the queue is empty. */
    public long nextEventTime() {
        Timer head = peekLive();
        return head == null ? -1 : head.time;
    }

    public long stepsRun() {
        return stepsRun;
    }

    public int pending() {
        return queue.size();
    }

    private Timer peekLive() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll().done = true;
            cancelledWaiting--;
        }
        return queue.peek();
    }

    private Timer pollLive() {
        Timer head = queue.poll();
        while (head != null && head.cancelled) {
            head.done = true;
            cancelledWaiting--;
            head = queue.poll();
        }
        return head;
    }

    private void timerCancelled() {
        cancelledWaiting++;
        if (cancelledWaiting > 64 && cancelledWaiting > queue.size() / 2) {
            queue.removeIf(Timer::cancelled);
            cancelledWaiting = 0;
        }
    }
}
