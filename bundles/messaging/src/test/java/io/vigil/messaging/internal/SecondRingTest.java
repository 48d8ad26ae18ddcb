package io.vigil.messaging.internal;

import static io.vigil.messaging.internal.TestCluster.await;
import static io.vigil.messaging.internal.TestCluster.awaitView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jgroups.protocols.DISCARD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redundant links: every node has a second ring ({@link SecondLink}, UDP on another port). A DISCARD layer below
 * the second link cuts the first ring of one node silently; the cluster must stay whole and keep delivering in total
 * order, and only losing both rings excludes the node.
 */
class SecondRingTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<ChannelMessaging> nodes = new ArrayList<>();
    private final List<DISCARD> ring1 = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private SecondLink ring2(int i) {
        return nodes.get(i).channel().getProtocolStack().findProtocol(SecondLink.class);
    }

    @Test
    void losingOneRingKeepsTheClusterWholeAndOrderedLosingBothExcludesTheNode() throws Exception {
        String name = "ring2-" + System.nanoTime();
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            peers.add(new Peer("n" + (i + 1), "127.0.0.1", TestCluster.freePort(), i + 1, 1, "127.0.0.1",
                    freeUdpPort()));
        }
        ClusterKey key = ClusterKey.derive(TestCluster.KEY, name);
        for (int i = 0; i < 3; i++) {
            Peer p = peers.get(i);
            ClusterConfig c = new ClusterConfig(name, "127.0.0.1", p.port(), peers, false, "239.8.8.8", 45588, null,
                    false, p.nodeId(), 1, 100, TestCluster.FAST).withSecondRing(p.address2(), p.port2());
            DISCARD d = new DISCARD(); // below the second link: cuts the first ring only
            nodes.add(ChannelMessaging.start(c, p.name(), key, List.of(d)));
            ring1.add(d);
        }
        awaitView(WAIT, nodes, "n1", "n2", "n3");
        List<List<String>> got = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
        for (int i = 0; i < 3; i++) {
            List<String> mine = got.get(i);
            nodes.get(i).subscribe("t", m -> mine.add(new String(m.payload(), StandardCharsets.UTF_8)));
        }
        List<Long> viewIds = nodes.stream().map(n -> n.view().viewId()).toList();
        assertTrue(ring2(0).sent() > 0 && ring2(2).received() > 0, "traffic flows on the second ring too");

        // First ring of n3 cut silently: 5 s is five failure-detection timeouts (FAST: 1000 ms)
        ring1.get(2).discardAll(true);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int k = 0;
        while (System.nanoTime() < end) {
            nodes.get(k % 3).broadcast("t", ("m" + k).getBytes(StandardCharsets.UTF_8));
            k++;
            Thread.sleep(50);
        }
        int sent = k;
        await(WAIT, () -> got.stream().allMatch(l -> l.size() == sent), () -> "all delivered: " + got.stream()
                .map(List::size).toList());
        assertEquals(got.get(0), got.get(1));
        assertEquals(got.get(0), got.get(2), "n3 delivers the same messages in the same order over ring 2 alone");
        assertEquals(viewIds, nodes.stream().map(n -> n.view().viewId()).toList(), "no view change at all");

        // Both rings cut: now n3 is gone for the others
        ring2(2).cut(true);
        awaitView(WAIT, nodes.subList(0, 2), "n1", "n2");
        awaitView(WAIT, nodes.subList(2, 3), "n3");

        // Second ring back (the first still cut): n3 merges back over it
        ring2(2).cut(false);
        awaitView(WAIT, nodes, "n1", "n2", "n3");
        got.forEach(List::clear);
        nodes.get(2).broadcast("t", "after".getBytes(StandardCharsets.UTF_8));
        await(WAIT, () -> got.stream().allMatch(l -> l.equals(List.of("after"))), () -> "after the merge: " + got);
    }
}
