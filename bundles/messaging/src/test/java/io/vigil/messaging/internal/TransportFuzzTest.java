package io.vigil.messaging.internal;

import static io.vigil.messaging.internal.TestCluster.await;
import static io.vigil.messaging.internal.TestCluster.awaitView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jgroups.BytesMessage;
import org.jgroups.EmptyMessage;
import org.jgroups.Message;
import org.jgroups.ObjectMessage;
import org.jgroups.Version;
import org.jgroups.protocols.TP;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, security (fuzzing the cluster-message parsers): frames from the network that are not genuine — random
 * bytes on the transport port, mutated sealed frames, well-formed but unsealed JGroups messages of every type —
 * are rejected without an unhandled exception, nothing is delivered, the view does not change, nothing the sender
 * chose is deserialized, and the channel keeps working. Seeds are printed so a failure can be replayed.
 */
class TransportFuzzTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Set when a Java object sent by an unauthenticated sender was deserialized by a member. */
    static volatile boolean deserialized;

    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }

    private record Pair(ChannelMessaging a, ChannelMessaging b, List<String> got) {
    }

    private Pair twoMembers(String name, List<org.jgroups.stack.Protocol> extraForB) throws Exception {
        cluster = new TestCluster(name + "-" + System.nanoTime(), 2);
        ChannelMessaging a = cluster.start(0);
        ChannelMessaging b = cluster.start(1, ClusterKey.derive(TestCluster.KEY, cluster.clusterName), extraForB);
        awaitView(WAIT, List.of(a, b), "n1", "n2");
        List<String> got = new CopyOnWriteArrayList<>();
        b.subscribe("t", m -> got.add(new String(m.payload(), StandardCharsets.UTF_8)));
        return new Pair(a, b, got);
    }

    private static void assertStillWorks(Pair p, String marker) {
        p.a().broadcast("t", marker.getBytes(StandardCharsets.UTF_8));
        await(WAIT, () -> p.got().contains(marker), () -> "the channel still delivers after the fuzzing: " + p.got());
        assertEquals(List.of(marker), p.got(), "only the genuine message was delivered");
        assertEquals(List.of("n1", "n2"), p.a().view().names());
        assertEquals(List.of("n1", "n2"), p.b().view().names());
    }

    /** What the transport's connection reader hands to {@link TP#receive}: version, flags, one message. */
    private static byte[] unsealedFrame(Message m) throws IOException {
        ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(256);
        out.writeShort(Version.version);
        out.writeByte(0); // a single unicast message
        out.writeShort(m.getType());
        m.writeTo(out);
        return out.buffer().length == out.position() ? out.buffer()
                : java.util.Arrays.copyOf(out.buffer(), out.position());
    }

    @Test
    void unsealedMessagesOfEveryTypeAreDroppedAndNoObjectIsDeserialized() throws Exception {
        Pair p = twoMembers("unsealed", List.of());
        TP transport = p.b().channel().getProtocolStack().getTransport();
        Seal seal = p.b().channel().getProtocolStack().findProtocol(Seal.class);
        long rejectedBefore = seal.stats().rejected();
        List<Message> forged = new ArrayList<>();
        forged.add(new ObjectMessage(null, new Tripwire()));
        forged.add(new BytesMessage(null, "plain text, not sealed".getBytes(StandardCharsets.UTF_8)));
        forged.add(new EmptyMessage(null));
        // over a real TCP connection to n2's transport port, as any local process could
        try (Socket s = new Socket("127.0.0.1", cluster.peers.get(1).port())) {
            ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(1024);
            IpAddress me = new IpAddress("127.0.0.1", s.getLocalPort());
            out.write(new byte[] {'b', 'e', 'l', 'a'}); // JGroups' TCP preamble: cookie, version, our address
            out.writeShort(Version.version);
            out.writeShort(me.serializedSize());
            me.writeTo(out);
            for (Message m : forged) {
                m.setSrc(p.a().channel().getAddress());
                byte[] frame = unsealedFrame(m);
                out.writeInt(frame.length);
                out.write(frame);
            }
            s.getOutputStream().write(out.buffer(), 0, out.position());
            s.getOutputStream().flush();
        }
        // and straight into the transport's receive path, so the test does not depend on connection timing
        for (Message m : forged) {
            byte[] frame = unsealedFrame(m);
            transport.receive(p.a().channel().getAddress(), frame, 0, frame.length);
        }
        // the unsealed byte messages pass the gate and are dropped by Seal: by then the socket's frames were read
        await(WAIT, () -> seal.stats().rejected() - rejectedBefore >= 2, () -> "both unsealed byte messages are "
                + "counted as rejected: " + (seal.stats().rejected() - rejectedBefore));
        assertFalse(deserialized, "a member deserialized a Java object from an unauthenticated sender");
        assertStillWorks(p, "after-unsealed");
    }

    @Test
    void randomBytesOnTheTransportPortChangeNothing() throws Exception {
        Pair p = twoMembers("raw", List.of());
        long seed = System.nanoTime();
        System.out.println("TransportFuzzTest.randomBytes seed " + seed);
        Random r = new Random(seed);
        int port = cluster.peers.get(1).port();
        for (int i = 0; i < 40; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                byte[] junk = new byte[1 + r.nextInt(4096)];
                r.nextBytes(junk);
                if (i % 2 == 0) { // a valid JGroups TCP preamble ("bela" cookie and version), then junk frames
                    out.write(new byte[] {'b', 'e', 'l', 'a'});
                    out.write(new byte[] {(byte) (Version.version >> 8), (byte) Version.version});
                }
                out.write(junk);
                out.flush();
            } catch (IOException e) {
                // the member closed the connection on us: that is a rejection too
            }
        }
        assertStillWorks(p, "after-raw");
    }

    @Test
    void mutatedSealedFramesAreRejectedAndDeliverNothing() throws Exception {
        SecurityTest.Tap tap = new SecurityTest.Tap();
        Pair p = twoMembers("mutated", List.of(tap));
        tap.recording = true;
        p.a().broadcast("t", "genuine".getBytes(StandardCharsets.UTF_8));
        p.a().send("n2", "t", "genuine-p2p".getBytes(StandardCharsets.UTF_8));
        await(WAIT, () -> p.got().size() == 2, () -> "both genuine messages arrive: " + p.got());
        tap.recording = false;
        List<Message> captured = new ArrayList<>(tap.frames);
        p.got().clear();
        Seal seal = p.b().channel().getProtocolStack().findProtocol(Seal.class);
        long seed = System.nanoTime();
        System.out.println("TransportFuzzTest.mutated seed " + seed);
        Random r = new Random(seed);
        long before = seal.stats().rejected();
        int injected = 0;
        for (int round = 0; round < 2000; round++) {
            Message base = captured.get(r.nextInt(captured.size()));
            byte[] frame = java.util.Arrays.copyOfRange(base.getArray(), base.getOffset(),
                    base.getOffset() + base.getLength());
            byte[] mutated = mutate(frame, r);
            Message m = new BytesMessage(base.dest(), mutated).setSrc(base.src());
            tap.inject(m);
            injected++;
        }
        // every mutant is either malformed, forged, from another key or a replay (an unmutated copy): all counted
        assertEquals(injected, seal.stats().rejected() - before, "every mutated frame was rejected");
        assertStillWorks(p, "after-mutants");
    }

    private static byte[] mutate(byte[] frame, Random r) {
        switch (r.nextInt(5)) {
            case 0: { // flip bits
                byte[] f = frame.clone();
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    f[r.nextInt(f.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return f;
            }
            case 1: // truncate
                return java.util.Arrays.copyOf(frame, r.nextInt(frame.length));
            case 2: { // extend with junk
                byte[] f = java.util.Arrays.copyOf(frame, frame.length + 1 + r.nextInt(64));
                for (int i = frame.length; i < f.length; i++) {
                    f[i] = (byte) r.nextInt();
                }
                return f;
            }
            case 3: { // random bytes behind a valid header
                byte[] f = new byte[r.nextInt(frame.length * 2 + 1)];
                r.nextBytes(f);
                System.arraycopy(frame, 0, f, 0, Math.min(f.length, 19));
                return f;
            }
            default: // an exact replay
                return frame.clone();
        }
    }
}
