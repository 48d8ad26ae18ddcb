package io.vigil.itest.seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Samples, every 2 ms, which members of an ordered group are up on one host, from the host's own state (its mounts,
 * addresses, service state file — {@link HostView}), and records each distinct state seen. A group starts its
 * members in order and stops them in reverse order, so the only states a host may ever show are prefixes of the
 * member list ({@code []}, {@code [A]}, {@code [A, B]}, …): a member up while an earlier one is down means the order
 * was broken.
 */
final class GroupOrderProbe implements AutoCloseable {

    private final List<String> names;
    private final List<BooleanSupplier> members;
    private final ScheduledExecutorService sampler;
    private final List<Integer> seen = new ArrayList<>();
    private final List<List<String>> broken = new ArrayList<>();

    GroupOrderProbe(String host, List<String> names, List<BooleanSupplier> members) {
        this.names = List.copyOf(names);
        this.members = List.copyOf(members);
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "group-order-probe-" + host);
            t.setDaemon(true);
            return t;
        });
        sample();
        sampler.scheduleAtFixedRate(this::sample, 2, 2, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        List<String> up = new ArrayList<>();
        int prefix = 0;
        boolean gap = false;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getAsBoolean()) {
                up.add(names.get(i));
                if (gap) {
                    synchronized (this) {
                        broken.add(up);
                    }
                } else {
                    prefix++;
                }
            } else {
                gap = true;
            }
        }
        synchronized (this) {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != prefix) {
                seen.add(prefix);
            }
        }
    }

    /** The distinct states seen, in order, as the number of leading members up. */
    synchronized List<Integer> states() {
        return List.copyOf(seen);
    }

    /** States seen with a member up while an earlier one was down. */
    synchronized List<List<String>> broken() {
        return List.copyOf(broken);
    }

    /** The states seen, as member lists, for messages. */
    synchronized String describe() {
        List<String> out = new ArrayList<>();
        for (int n : seen) {
            out.add(names.subList(0, n).toString());
        }
        return String.join(" -> ", out) + (broken.isEmpty() ? "" : "; out of order: " + broken);
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
