package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

class SealTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ClusterKey key = ClusterKey.derive(TestCluster.KEY, "c1");

    private Seal seal(ClusterKey k) {
        Seal s = new Seal(k, 60_000, now::get);
        s.setAddress(UUID.randomUUID());
        return s;
    }

    private static Message msg(String text) {
        return new BytesMessage(null, text.getBytes(StandardCharsets.UTF_8)).setFlag(Message.Flag.OOB);
    }

    @Test
    void sealedMessageOpensToTheSameMessageWithHeadersAndFlags() throws Exception {
        Seal a = seal(key);
        Seal b = seal(key);
        Message sealed = a.seal(msg("hello"));
        assertEquals(true, sealed.isFlagSet(Message.Flag.OOB), "flags are kept on the outer message");
        assertEquals(-1, new String(sealed.getArray(), StandardCharsets.ISO_8859_1).indexOf("hello"),
                "payload is encrypted");
        Message opened = b.open(sealed);
        assertNotNull(opened);
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), opened.getArray());
        assertEquals(a.getAddress(), opened.src());
        assertEquals(true, opened.isFlagSet(Message.Flag.OOB));
    }

    @Test
    void replayIsRejected() throws Exception {
        Seal a = seal(key);
        Seal b = seal(key);
        Message first = a.seal(msg("m1"));
        Message second = a.seal(msg("m2"));
        assertNotNull(b.open(second));
        assertNotNull(b.open(first), "out-of-order arrival inside the window is fine");
        assertNull(b.open(first.copy(true, true)));
        assertNull(b.open(second.copy(true, true)));
        assertEquals(2, b.stats().replayed());
    }

    @Test
    void tamperedMessageIsRejected() throws Exception {
        Seal a = seal(key);
        Seal b = seal(key);
        for (int pos : new int[] {5, 15, 30, 60}) { // key id, nonce, metadata, body
            Message m = a.seal(msg("some payload long enough to be tampered with"));
            byte[] buf = m.getArray().clone();
            buf[m.getOffset() + pos] ^= 0x01;
            assertNull(b.open(new BytesMessage(null, buf)), "flipped byte at " + pos);
        }
        assertEquals(3, b.stats().forged());
        assertEquals(1, b.stats().wrongKey(), "a flipped key id shows as another key");
    }

    @Test
    void otherKeyOrOtherClusterNameIsRejected() throws Exception {
        Seal b = seal(key);
        Message other = seal(ClusterKey.derive("another key, 32 bytes or more....".getBytes(), "c1")).seal(msg("x"));
        Message otherCluster = seal(ClusterKey.derive(TestCluster.KEY, "c2")).seal(msg("x"));
        assertNull(b.open(other));
        assertNull(b.open(otherCluster));
        assertNull(b.open(msg("plain text")));
        assertEquals(2, b.stats().wrongKey());
        assertEquals(3, b.stats().rejected());
    }

    @Test
    void staleMessageIsRejectedEvenFromAnUnknownIncarnation() throws Exception {
        Seal a = seal(key);
        Message old = a.seal(msg("old"));
        now.addAndGet(61_000);
        Seal freshReceiver = seal(key);
        assertNull(freshReceiver.open(old));
        assertEquals(1, freshReceiver.stats().replayed());
    }

    @Test
    void replayWindowSlides() {
        ReplayGuard g = new ReplayGuard(1000);
        for (long i = 0; i < 3 * ReplayGuard.WINDOW; i++) {
            assertEquals(ReplayGuard.Verdict.ACCEPT, g.check(7, i, 0, 0));
        }
        long top = 3L * ReplayGuard.WINDOW - 1;
        assertEquals(ReplayGuard.Verdict.REPLAY, g.check(7, top - 5, 0, 0));
        assertEquals(ReplayGuard.Verdict.TOO_OLD, g.check(7, top - ReplayGuard.WINDOW, 0, 0));
        assertEquals(ReplayGuard.Verdict.ACCEPT, g.check(8, 0, 0, 0), "another incarnation has its own window");
        assertEquals(ReplayGuard.Verdict.ACCEPT, g.check(7, top + 10_000, 0, 0));
        assertEquals(ReplayGuard.Verdict.ACCEPT, g.check(7, top + 9_999, 0, 0));
    }
}
