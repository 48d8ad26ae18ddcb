package io.vigil.messaging.internal;

import static io.vigil.messaging.internal.TestCluster.await;
import static io.vigil.messaging.internal.TestCluster.awaitView;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessagingException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelMessagingTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<ChannelMessaging> startAll(String name, int n) throws Exception {
        cluster = new TestCluster(name + "-" + System.nanoTime(), n);
        for (int i = 0; i < n; i++) {
            cluster.start(i);
        }
        awaitView(WAIT, cluster.nodes, names(n));
        return cluster.nodes;
    }

    private static String[] names(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "n" + (i + 1);
        }
        return s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ClusterMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void threeNodesFormOneViewWithIdsVotesAndCoordinator() throws Exception {
        List<ChannelMessaging> nodes = startAll("view", 3);
        for (ChannelMessaging n : nodes) {
            MembershipView v = n.view();
            assertEquals("n1", v.coordinator());
            assertEquals(List.of("n1", "n2", "n3"), v.names());
            assertEquals(List.of(1, 2, 3), v.members().stream().map(Member::nodeId).toList());
            assertTrue(v.members().stream().allMatch(m -> m.votes() == 1));
            assertFalse(v.merge());
        }
        assertEquals(nodes.get(0).view().viewId(), nodes.get(2).view().viewId());
        List<MembershipView> seen = new CopyOnWriteArrayList<>();
        nodes.get(0).addViewListener((prev, cur) -> seen.add(cur));
        assertEquals(1, seen.size(), "a new listener gets the current view at once");
        nodes.get(2).close();
        awaitView(WAIT, nodes.subList(0, 2), "n1", "n2");
        await(WAIT, () -> seen.size() == 2, () -> "listener saw " + seen);
    }

    @Test
    void concurrentBroadcastsAreDeliveredInTheSameOrderEverywhere() throws Exception {
        List<ChannelMessaging> nodes = startAll("order", 3);
        int perNode = 100;
        List<List<String>> delivered = new ArrayList<>();
        for (ChannelMessaging n : nodes) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            delivered.add(log);
            n.subscribe("t", m -> log.add(m.sender() + ":" + text(m)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (ChannelMessaging n : nodes) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perNode; i++) {
                        n.broadcast("t", bytes(Integer.toString(i)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            senders.add(t);
        }
        go.countDown();
        for (Thread t : senders) {
            t.join(WAIT.toMillis());
        }
        await(WAIT, () -> delivered.stream().allMatch(l -> l.size() == 3 * perNode),
                () -> "deliveries " + delivered.stream().map(List::size).toList());
        assertEquals(delivered.get(0), delivered.get(1));
        assertEquals(delivered.get(0), delivered.get(2));
        for (ChannelMessaging n : nodes) { // FIFO per sender inside the total order
            List<String> mine = delivered.get(0).stream().filter(s -> s.startsWith(n.localNodeName() + ":")).toList();
            for (int i = 0; i < perNode; i++) {
                assertEquals(n.localNodeName() + ":" + i, mine.get(i));
            }
        }
    }

    @Test
    void pointToPointReachesOnlyTheAddressee() throws Exception {
        List<ChannelMessaging> nodes = startAll("p2p", 3);
        List<List<ClusterMessage>> got = new ArrayList<>();
        for (ChannelMessaging n : nodes) {
            List<ClusterMessage> l = new CopyOnWriteArrayList<>();
            got.add(l);
            n.subscribe("direct", l::add);
        }
        nodes.get(0).send("n3", "direct", bytes("hello"));
        await(WAIT, () -> got.get(2).size() == 1, () -> "n3 receives");
        ClusterMessage m = got.get(2).get(0);
        assertEquals("n1", m.sender());
        assertFalse(m.broadcast());
        assertEquals("hello", text(m));
        nodes.get(0).broadcast("direct", bytes("marker")); // total order: after it, nothing else can be in flight
        await(WAIT, () -> got.get(1).size() == 1, () -> "n2 receives the marker");
        assertEquals("marker", text(got.get(1).get(0)));
        assertTrue(got.get(0).stream().noneMatch(x -> text(x).equals("hello")));
        MessagingException e = assertThrows(MessagingException.class, () -> nodes.get(0).send("nx", "d", new byte[0]));
        assertTrue(e.getMessage().contains("nx"), e.getMessage());
    }

    @Test
    void joinerReceivesTheStateAtItsPlaceInTheTotalOrder() throws Exception {
        cluster = new TestCluster("state-" + System.nanoTime(), 2);
        ChannelMessaging a = cluster.start(0);
        List<String> stateA = new CopyOnWriteArrayList<>();
        a.subscribe("cib", m -> stateA.add(text(m)));
        a.registerStateProvider("cib", () -> bytes(String.join(",", stateA)));
        a.broadcast("cib", bytes("x1"));
        a.broadcast("cib", bytes("x2"));
        await(WAIT, () -> stateA.size() == 2, () -> "a applies its changes");

        ChannelMessaging b = cluster.start(1);
        awaitView(WAIT, cluster.nodes, "n1", "n2");
        List<String> stateB = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        b.subscribe("cib", m -> {
            stateB.add(text(m));
            events.add("msg " + text(m));
        });
        Thread writer = new Thread(() -> {
            for (int i = 3; i <= 40; i++) {
                a.broadcast("cib", bytes("x" + i));
            }
        });
        writer.start();
        b.registerStateReceiver("cib", (from, state) -> {
            events.add("state from " + from);
            stateB.clear();
            stateB.addAll(List.of(new String(state, StandardCharsets.UTF_8).split(",")));
        });
        writer.join(WAIT.toMillis());
        await(WAIT, () -> events.contains("state from n1") && stateB.equals(stateA) && stateA.size() == 40,
                () -> "b converges: a=" + stateA + " b=" + stateB);
    }

    @Test
    void partitionIsReportedAndHealsWithAMergeView() throws Exception {
        List<ChannelMessaging> nodes = startAll("merge", 3);
        List<MembershipView> viewsAtA = new CopyOnWriteArrayList<>();
        nodes.get(0).addViewListener((prev, cur) -> viewsAtA.add(cur));
        long cut = System.nanoTime();
        cluster.discards.get(2).discardAll(true); // n3 silently cut off: no packets in or out
        awaitView(WAIT, nodes.subList(0, 2), "n1", "n2");
        long detected = System.nanoTime();
        awaitView(WAIT, nodes.subList(2, 3), "n3");
        System.out.printf("silent loss (FD_ALL3 %d/%d ms, VERIFY_SUSPECT2 %d ms) -> new view after %d ms%n",
                TestCluster.FAST.failureDetectionIntervalMs(), TestCluster.FAST.failureDetectionTimeoutMs(),
                TestCluster.FAST.verifySuspectMs(), (detected - cut) / 1_000_000);
        cluster.discards.get(2).discardAll(false);
        awaitView(WAIT, nodes, "n1", "n2", "n3");
        MembershipView merged = nodes.get(2).view();
        assertTrue(merged.merge(), "the healing view is a merge view: " + merged);
        assertEquals(2, merged.subgroups().size(), merged.subgroups().toString());
        assertTrue(merged.subgroups().contains(List.of("n3")), merged.subgroups().toString());
        assertTrue(viewsAtA.stream().anyMatch(MembershipView::merge));
        nodes.get(1).broadcast("after", bytes("works")); // the merged group delivers again
        List<String> got = new CopyOnWriteArrayList<>();
        nodes.get(2).subscribe("after2", m -> got.add(text(m)));
        nodes.get(0).broadcast("after2", bytes("ok"));
        await(WAIT, () -> got.equals(List.of("ok")), () -> "n3 delivers after the merge: " + got);
    }

    @Test
    void gracefulLeaveIsSeenQuickly() throws Exception {
        List<ChannelMessaging> nodes = startAll("leave", 3);
        long t0 = System.nanoTime();
        nodes.get(1).close();
        awaitView(WAIT, List.of(nodes.get(0), nodes.get(2)), "n1", "n3");
        System.out.printf("graceful leave -> new view after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
