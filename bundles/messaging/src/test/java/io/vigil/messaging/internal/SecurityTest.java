package io.vigil.messaging.internal;

import static io.vigil.messaging.internal.TestCluster.await;
import static io.vigil.messaging.internal.TestCluster.awaitView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.MessageBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Seal seal(ChannelMessaging m) {
        return m.channel().getProtocolStack().findProtocol(Seal.class);
    }

    @Test
    void nodeWithAnotherKeyNeverJoinsAndCannotInject() throws Exception {
        cluster = new TestCluster("key-" + System.nanoTime(), 3);
        ChannelMessaging a = cluster.start(0);
        ChannelMessaging b = cluster.start(1);
        awaitView(WAIT, List.of(a, b), "n1", "n2");
        List<String> got = new CopyOnWriteArrayList<>();
        a.subscribe("t", m -> got.add(m.sender()));
        b.subscribe("t", m -> got.add(m.sender()));

        ClusterKey wrong = ClusterKey.derive("a different cluster key of 32+ bytes".getBytes(), cluster.clusterName);
        ChannelMessaging intruder = cluster.start(2, wrong, List.of());
        assertEquals(List.of("n3"), intruder.view().names());
        intruder.broadcast("t", "evil".getBytes(StandardCharsets.UTF_8));
        await(WAIT, () -> seal(a).stats().wrongKey() + seal(b).stats().wrongKey() > 0,
                () -> "the members see the intruder's traffic and drop it");
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // several merge rounds (1 s interval)
        while (System.nanoTime() < end) {
            assertEquals(List.of("n1", "n2"), a.view().names());
            assertEquals(List.of("n1", "n2"), b.view().names());
            assertEquals(List.of("n3"), intruder.view().names());
            Thread.sleep(50);
        }
        assertTrue(got.isEmpty(), "nothing from the intruder was delivered: " + got);
    }

    @Test
    void replayedAndTamperedFramesOnALiveChannelAreDropped() throws Exception {
        cluster = new TestCluster("replay-" + System.nanoTime(), 2);
        Tap tap = new Tap();
        ChannelMessaging a = cluster.start(0);
        ChannelMessaging b = cluster.start(1, ClusterKey.derive(TestCluster.KEY, cluster.clusterName), List.of(tap));
        awaitView(WAIT, List.of(a, b), "n1", "n2");
        List<String> got = new CopyOnWriteArrayList<>();
        b.subscribe("t", m -> got.add(new String(m.payload(), StandardCharsets.UTF_8)));

        tap.recording = true;
        a.send("n2", "t", "once".getBytes(StandardCharsets.UTF_8));
        a.broadcast("t", "broadcast once".getBytes(StandardCharsets.UTF_8));
        await(WAIT, () -> got.size() == 2, () -> "b receives both: " + got);
        tap.recording = false;
        List<Message> captured = new ArrayList<>(tap.frames);
        assertTrue(!captured.isEmpty());

        Seal s = seal(b);
        long replayedBefore = s.stats().replayed();
        long forgedBefore = s.stats().forged();
        for (Message m : captured) {
            tap.inject(m.copy(true, true));
            Message t = m.copy(true, true);
            byte[] buf = t.getArray().clone();
            buf[t.getOffset() + t.getLength() - 20] ^= 0x40;
            t.setArray(buf, t.getOffset(), t.getLength());
            tap.inject(t);
        }
        assertEquals(captured.size(), s.stats().replayed() - replayedBefore);
        assertEquals(captured.size(), s.stats().forged() - forgedBefore);
        Thread.sleep(200); // give a wrongly accepted duplicate the chance to show up
        assertEquals(List.of("once", "broadcast once"), got);
    }

    /** Records sealed frames arriving from the transport and can inject frames as if they had arrived. */
    static final class Tap extends Protocol {
        volatile boolean recording;
        final List<Message> frames = new CopyOnWriteArrayList<>();

        @Override
        public Object up(Message msg) {
            if (recording) {
                frames.add(msg.copy(true, true));
            }
            return up_prot.up(msg);
        }

        @Override
        public void up(MessageBatch batch) {
            if (recording) {
                batch.forEach(m -> frames.add(m.copy(true, true)));
            }
            up_prot.up(batch);
        }

        void inject(Message m) {
            up_prot.up(m);
        }
    }
}
