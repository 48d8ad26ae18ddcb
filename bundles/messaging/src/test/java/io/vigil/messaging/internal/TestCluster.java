package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jgroups.protocols.DISCARD;
import org.jgroups.stack.Protocol;

/** In-JVM cluster of channels over loopback, each node with a DISCARD layer just above the transport. */
final class TestCluster implements AutoCloseable {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes();
    static final Timeouts FAST = new Timeouts(200, 1000, 100, 500, 1000, 60_000);

    final String clusterName;
    final List<Peer> peers = new ArrayList<>();
    final List<ChannelMessaging> nodes = new ArrayList<>();
    final List<DISCARD> discards = new ArrayList<>();

    TestCluster(String clusterName, int size) throws IOException {
        this.clusterName = clusterName;
        for (int i = 0; i < size; i++) {
            peers.add(new Peer("n" + (i + 1), "127.0.0.1", freePort(), i + 1, 1));
        }
    }

    ClusterConfig config(int index) {
        return config(index, FAST);
    }

    ClusterConfig config(int index, Timeouts t) {
        Peer p = peers.get(index);
        return new ClusterConfig(clusterName, "127.0.0.1", p.port(), peers, false, "239.8.8.8", 45588, null, false,
                p.nodeId(), 1, 100, t);
    }

    /** Starts node {@code index} (0-based) with the shared test key. */
    ChannelMessaging start(int index) throws Exception {
        return start(index, ClusterKey.derive(KEY, clusterName), List.of());
    }

    ChannelMessaging start(int index, ClusterKey key, List<Protocol> extra) throws Exception {
        DISCARD d = new DISCARD();
        List<Protocol> all = new ArrayList<>(extra);
        all.add(0, d);
        ChannelMessaging m = ChannelMessaging.start(config(index), "n" + (index + 1), key, all);
        nodes.add(m);
        discards.add(d);
        return m;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Waits until every given node sees exactly the given member names. */
    static void awaitView(Duration timeout, List<ChannelMessaging> nodes, String... names) {
        List<String> expected = List.of(names);
        await(timeout, () -> nodes.stream().allMatch(n -> sameMembers(n.view().names(), expected)),
                () -> "views " + expected + ", have " + nodes.stream().map(n -> n.localNodeName() + "="
                        + n.view().names()).toList());
    }

    static boolean sameMembers(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
    }
}
