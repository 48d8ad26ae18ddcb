package io.vigil.controller.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded scheduler on virtual time, standing in for the controller's loop thread and its monotonic
 * clock: tasks run only when the test advances time, in deadline order, so timer-driven decisions (lease waits,
 * dc-deadtime, retries) are tested without sleeping. {@link #nanoTime()} is the clock the code under test reads.
 */
final class ManualLoop extends AbstractExecutorService implements ScheduledExecutorService {

    private final class Task implements ScheduledFuture<Object> {
        final long due;
        final long seq;
        final Runnable body;
        boolean cancelled;
        boolean done;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean interrupt) {
            boolean was = !done && !cancelled;
            cancelled = true;
            return was;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.seq));
    /** Starts far from zero so that code comparing nanoTime differences never meets a special value. */
    private long now = 1_000_000_000_000L;
    private long seq;

    long nanoTime() {
        return now;
    }

    /** Runs every task due at the current time, including those they schedule for now. */
    void runDue() {
        int ran = 0;
        while (!queue.isEmpty() && queue.peek().due - now <= 0) {
            if (++ran > 100_000) {
                // tasks that keep rescheduling themselves for "now": the code under test loops without end
                throw new AssertionError("livelock: over 100000 tasks at one instant, e.g. " + queue.peek().body);
            }
            Task t = queue.poll();
            if (!t.cancelled) {
                t.done = true;
                t.body.run();
            }
        }
    }

    /** Moves time forward by {@code ms} without running anything: this node was frozen meanwhile. */
    void jump(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    /** Moves time forward by {@code ms}, running each task when its deadline comes. */
    void advance(long ms) {
        long end = now + TimeUnit.MILLISECONDS.toNanos(ms);
        runDue();
        while (!queue.isEmpty() && queue.peek().due - end <= 0) {
            now = Math.max(now, queue.peek().due);
            runDue();
        }
        now = end;
        runDue();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task t = new Task(now + Math.max(0, unit.toNanos(delay)), seq++, command);
        queue.add(t);
        return t;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the controller");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the controller");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the controller");
    }

    @Override
    public void shutdown() {
        queue.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> left = new ArrayList<>();
        queue.forEach(t -> left.add(t.body));
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
