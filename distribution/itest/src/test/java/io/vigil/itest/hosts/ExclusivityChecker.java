package io.vigil.itest.hosts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one exclusive Dummy resource on every host from the hosts' own state files (not from the cluster's view),
 * every {@code periodMs}: records each host's state-file transitions and every interval in which two or more
 * serving hosts (running, not frozen) had a copy at once. Times are {@link System#nanoTime()} of the observation,
 * so a figure has the sampling period as its resolution ({@link #maxGapMs()} says how late the sampler ran at worst).
 */
public final class ExclusivityChecker implements AutoCloseable {

    /** A time during which {@code hosts} all served a copy; {@code endNanos} is -1 while it lasts. */
    public record Overlap(long startNanos, long endNanos, List<String> hosts) {
        public long millis(long nowNanos) {
            return ((endNanos < 0 ? nowNanos : endNanos) - startNanos) / 1_000_000;
        }
    }

    /** A change of one host's state file as observed. */
    public record Transition(long nanos, boolean present) {
    }

    private final List<TestHost> hosts;
    private final String resource;
    private final ScheduledExecutorService sampler;
    private final Map<String, List<Transition>> transitions = new HashMap<>();
    private final List<Overlap> overlaps = new ArrayList<>();
    private Overlap open;
    private long lastSample;
    private long maxGap;
    private long samples;

    private ExclusivityChecker(List<TestHost> hosts, String resource) {
        this.hosts = List.copyOf(hosts);
        this.resource = resource;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exclusivity-checker-" + resource);
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        hosts.forEach(h -> transitions.put(h.name(), new ArrayList<>()));
    }

    /** Starts watching {@code resource} on {@code hosts} every {@code periodMs}. */
    public static ExclusivityChecker start(List<TestHost> hosts, String resource, long periodMs) {
        ExclusivityChecker c = new ExclusivityChecker(hosts, resource);
        c.sample();
        c.sampler.scheduleAtFixedRate(c::sample, periodMs, periodMs, TimeUnit.MILLISECONDS);
        return c;
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        if (lastSample != 0) {
            maxGap = Math.max(maxGap, now - lastSample);
        }
        lastSample = now;
        samples++;
        List<String> serving = new ArrayList<>();
        for (TestHost h : hosts) {
            boolean present = h.dummyActive(resource);
            List<Transition> t = transitions.get(h.name());
            if (t.isEmpty() || t.get(t.size() - 1).present() != present) {
                t.add(new Transition(now, present));
            }
            if (present && h.serving()) {
                serving.add(h.name());
            }
        }
        if (serving.size() > 1 && open == null) {
            open = new Overlap(now, -1, serving);
        } else if (serving.size() <= 1 && open != null) {
            overlaps.add(new Overlap(open.startNanos(), now, open.hosts()));
            open = null;
        }
    }

    /** Every interval with two or more serving copies so far (an open one last). */
    public synchronized List<Overlap> overlaps() {
        List<Overlap> all = new ArrayList<>(overlaps);
        if (open != null) {
            all.add(open);
        }
        return all;
    }

    /** Fails naming every interval in which two hosts served a copy at once. */
    public void assertNeverTwoCopies() {
        List<Overlap> o = overlaps();
        if (!o.isEmpty()) {
            throw new AssertionError(resource + " was active on two serving hosts at once: " + describe(o));
        }
    }

    /** Overlaps that began at or after {@code sinceNanos}. */
    public List<Overlap> overlapsSince(long sinceNanos) {
        return overlaps().stream().filter(o -> o.startNanos() >= sinceNanos).toList();
    }

    /** Overlaps that began before {@code beforeNanos}. */
    public List<Overlap> overlapsBefore(long beforeNanos) {
        return overlaps().stream().filter(o -> o.startNanos() < beforeNanos).toList();
    }

    /** Total time with two or more serving copies since {@code sinceNanos}, in ms. */
    public long doubleActiveMillisSince(long sinceNanos) {
        long now = System.nanoTime();
        return overlapsSince(sinceNanos).stream().mapToLong(o -> o.millis(now)).sum();
    }

    /**
     * The first observation at or after {@code sinceNanos} in which the host had no state file: {@code sinceNanos}
     * itself if it had none then; empty if it still has one.
     */
    public synchronized OptionalLong firstAbsentSince(TestHost host, long sinceNanos) {
        List<Transition> t = transitions.get(host.name());
        Transition before = null;
        for (Transition x : t) {
            if (x.nanos() < sinceNanos) {
                before = x;
            }
        }
        if (before != null && !before.present()) {
            return OptionalLong.of(sinceNanos);
        }
        for (Transition x : t) {
            if (x.nanos() >= sinceNanos && !x.present()) {
                return OptionalLong.of(x.nanos());
            }
        }
        return OptionalLong.empty();
    }

    public synchronized List<Transition> transitions(TestHost host) {
        return List.copyOf(transitions.get(host.name()));
    }

    /** The longest time between two samples so far, in ms: the real resolution of the figures. */
    public synchronized long maxGapMs() {
        return maxGap / 1_000_000;
    }

    public synchronized long samples() {
        return samples;
    }

    public String describe(List<Overlap> list) {
        long now = System.nanoTime();
        StringBuilder b = new StringBuilder();
        for (Overlap o : list) {
            b.append(o.hosts()).append(" for ").append(o.millis(now)).append(" ms").append(o.endNanos() < 0
                    ? " (still)" : "").append("; ");
        }
        return b.toString();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
