package org.imelab.agent.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when the test says so: {@link #advanceBy} runs every task
 * that falls due, in due-time order (ties in scheduling order), on the calling thread, with the
 * clock set to each task's due time while it runs. Tasks scheduled by a running task run in the
 * same advance when they fall due before its end.
 */
public final class ManualScheduler implements Scheduler {

    private record Entry(long seq, String name, Instant due, Runnable task) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparing(Entry::due).thenComparingLong(Entry::seq));
    private Instant now;
    private long seq;
    private boolean closed;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Cancellable schedule(String name, Duration delay, Runnable task) {
        if (closed) {
            throw new IllegalStateException("Scheduler is closed; cannot schedule '" + name + "'");
        }
        Entry e = new Entry(seq++, name, now.plus(delay.isNegative() ? Duration.ZERO : delay), task);
        queue.add(e);
        return () -> {
            synchronized (this) {
                return queue.remove(e);
            }
        };
    }

    @Override
    public InstantSource clock() {
        return this::instant;
    }

    private synchronized Instant instant() {
        return now;
    }

    /** Moves time forward by {@code d}, running what falls due. */
    public void advanceBy(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("Time does not go backwards: " + d);
        }
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due().isAfter(target)) {
                    now = target;
                    return;
                }
                queue.poll();
                if (next.due().isAfter(now)) {
                    now = next.due();
                }
            }
            next.task().run();
        }
    }

    /** Moves time forward to {@code t}. */
    public void advanceTo(Instant t) {
        advanceBy(Duration.between(instant(), t));
    }

    /** Runs what is due now without moving time. */
    public void runDue() {
        advanceBy(Duration.ZERO);
    }

    /** When the earliest pending task is due. */
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(queue.peek()).map(Entry::due);
    }

    /** Names of pending tasks in due order. */
    public synchronized List<String> pending() {
        List<Entry> copy = new ArrayList<>(queue);
        copy.sort(queue.comparator());
        return copy.stream().map(e -> e.name() + "@" + e.due()).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
