package io.vigil.messaging.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArray;
import org.jgroups.util.FastArray;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.Util;

/**
 * Authenticated encryption of every message, placed directly above the transport: the whole message (headers,
 * flags, source, payload) is serialized and sealed with AES-256-GCM under the cluster key, so nothing above the
 * transport ever sees a message from a process without the key. Unlike JGroups' SYM_ENCRYPT (which leaves headers
 * and header-only control messages such as joins, heartbeats and suspicions unauthenticated) this also covers
 * discovery and membership traffic, and it rejects replays: each sender incarnation numbers its messages and
 * receivers accept each number once ({@link ReplayGuard}).
 *
 * <p>Frame: "VS" 1 | key id (8) | nonce (12) | GCM(incarnation (8) | counter (8) | time ms (8) | message).
 * The first 11 bytes are authenticated as associated data.
 */
public final class Seal extends Protocol {
    private static final int HEADER = 3 + 8;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int META = 24;

    private final ClusterKey key;
    private final byte[] keyId;
    private final ReplayGuard replays;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final long incarnation = random.nextLong();
    private final AtomicLong counter = new AtomicLong();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(Seal::newCipher);
    private final SealStats stats = new SealStats();

    public Seal(ClusterKey key, long maxClockSkewMs) {
        this(key, maxClockSkewMs, System::currentTimeMillis);
    }

    Seal(ClusterKey key, long maxClockSkewMs, LongSupplier clock) {
        this.key = key;
        this.keyId = key.keyId();
        this.replays = new ReplayGuard(maxClockSkewMs);
        this.clock = clock;
    }

    public SealStats stats() {
        return stats;
    }

    @Override
    public Object down(Message msg) {
        try {
            return down_prot.down(seal(msg));
        } catch (Exception e) {
            log.warn("%s: cannot seal message to %s: %s", local_addr, msg.dest(), e);
            return null;
        }
    }

    @Override
    public Object up(Message msg) {
        Message inner = open(msg);
        return inner == null ? null : up_prot.up(inner);
    }

    @Override
    public void up(MessageBatch batch) {
        @SuppressWarnings("unchecked")
        FastArray<Message>.FastIterator it = (FastArray<Message>.FastIterator) batch.iterator();
        while (it.hasNext()) {
            Message inner = open(it.next());
            if (inner == null || batch.sender() != null && !batch.sender().equals(inner.src())) {
                it.remove();
            } else {
                it.replace(inner);
            }
        }
        if (!batch.isEmpty()) {
            up_prot.up(batch);
        }
    }

    Message seal(Message msg) throws Exception {
        if (msg.src() == null) {
            msg.setSrc(local_addr);
        }
        ByteArray plain = Util.messageToBuffer(msg);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] frame = new byte[HEADER + NONCE + META + plain.length() + TAG_BITS / 8];
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.put((byte) 'V').put((byte) 'S').put((byte) 1).put(keyId).put(nonce);
        byte[] meta = ByteBuffer.allocate(META).putLong(incarnation).putLong(counter.getAndIncrement())
                .putLong(clock.getAsLong()).array();
        Cipher c = ciphers.get();
        c.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(frame, 0, HEADER);
        int n = c.update(meta, 0, META, frame, HEADER + NONCE);
        c.doFinal(plain.array(), plain.offset(), plain.length(), frame, HEADER + NONCE + n);
        Message out = new BytesMessage(msg.dest(), frame);
        out.setFlag(msg.getFlags(false), false, false);
        out.setFlag(msg.getFlags(true), true, false);
        stats.sealed.increment();
        return out;
    }

    /** Returns the inner message, or null (counted and logged) if the frame is not genuine and fresh. */
    Message open(Message msg) {
        try {
            return openSealed(msg);
        } catch (RuntimeException e) {
            // whatever the network handed us, it is dropped and counted, never thrown into the transport
            stats.malformed.increment();
            stats.warn(log, "%s: dropped a malformed message from %s: %s", local_addr, msg.src(), e);
            return null;
        }
    }

    private Message openSealed(Message msg) {
        byte[] buf = msg.getArray();
        int off = msg.getOffset();
        int len = msg.getLength();
        if (buf == null || len < HEADER + NONCE + META + TAG_BITS / 8
                || buf[off] != 'V' || buf[off + 1] != 'S' || buf[off + 2] != 1) {
            stats.malformed.increment();
            stats.warn(log, "%s: dropped an unsealed or malformed message from %s", local_addr, msg.src());
            return null;
        }
        if (!MessageDigest.isEqual(keyId, java.util.Arrays.copyOfRange(buf, off + 3, off + HEADER))) {
            stats.wrongKey.increment();
            stats.warn(log, "%s: dropped a message from %s sealed with another cluster key", local_addr, msg.src());
            return null;
        }
        byte[] plain;
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, buf, off + HEADER, NONCE));
            c.updateAAD(buf, off, HEADER);
            plain = c.doFinal(buf, off + HEADER + NONCE, len - HEADER - NONCE);
        } catch (GeneralSecurityException e) {
            stats.forged.increment();
            stats.warn(log, "%s: dropped a forged or tampered message from %s", local_addr, msg.src());
            return null;
        }
        ByteBuffer meta = ByteBuffer.wrap(plain, 0, META);
        ReplayGuard.Verdict v = replays.check(meta.getLong(), meta.getLong(), meta.getLong(), clock.getAsLong());
        if (v != ReplayGuard.Verdict.ACCEPT) {
            stats.replayed.increment();
            stats.warn(log, "%s: dropped a message from %s: %s", local_addr, msg.src(), v);
            return null;
        }
        try {
            return Util.messageFromBuffer(plain, META, plain.length - META);
        } catch (Exception e) {
            stats.malformed.increment();
            return null;
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    /** Counters of sealed and rejected messages. */
    public static final class SealStats {
        final java.util.concurrent.atomic.LongAdder sealed = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder wrongKey = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder forged = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder replayed = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder malformed = new java.util.concurrent.atomic.LongAdder();
        private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - 20_000_000_000L);

        public long sealed() {
            return sealed.sum();
        }

        /** Messages dropped: other key, forged/tampered, replayed or stale, malformed. */
        public long rejected() {
            return wrongKey.sum() + forged.sum() + replayed.sum() + malformed.sum();
        }

        public long wrongKey() {
            return wrongKey.sum();
        }

        public long forged() {
            return forged.sum();
        }

        public long replayed() {
            return replayed.sum();
        }

        /** Logs at most one warning per 10 s, so a hostile sender cannot flood the log. */
        void warn(org.jgroups.logging.Log log, String fmt, Object... args) {
            long now = System.nanoTime();
            long last = lastWarn.get();
            if (now - last > 10_000_000_000L && lastWarn.compareAndSet(last, now)) {
                log.warn(fmt, args);
            }
        }
    }

}
