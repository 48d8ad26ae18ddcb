package io.vigil.messaging.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Vigil's message format inside a JGroups message.
 *
 * @param kind what the message is
 * @param sender node name of the originator
 * @param topic topic name
 * @param requestId state request id (state messages only)
 * @param target node asked for the state (STATE_REQUEST only), or ""
 * @param payload message payload, or the state (STATE_RESPONSE; null = the target has no provider)
 */
record Envelope(Kind kind, String sender, String topic, long requestId, String target, byte[] payload) {

    enum Kind { BROADCAST, DIRECT, STATE_REQUEST, STATE_RESPONSE }

    static Envelope message(boolean broadcast, String sender, String topic, byte[] payload) {
        return new Envelope(broadcast ? Kind.BROADCAST : Kind.DIRECT, sender, topic, 0, "", payload);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (payload == null ? 0 : payload.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(kind.ordinal());
            out.writeUTF(sender);
            out.writeUTF(topic);
            out.writeLong(requestId);
            out.writeUTF(target);
            out.writeInt(payload == null ? -1 : payload.length);
            if (payload != null) {
                out.write(payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Envelope decode(byte[] buf, int off, int len) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf, off, len));
        int k = in.readUnsignedByte();
        if (k >= Kind.values().length) {
            throw new IOException("unknown message kind " + k);
        }
        String sender = in.readUTF();
        String topic = in.readUTF();
        long id = in.readLong();
        String target = in.readUTF();
        int n = in.readInt();
        byte[] payload = null;
        if (n >= 0) {
            payload = new byte[n];
            in.readFully(payload);
        }
        return new Envelope(Kind.values()[k], sender, topic, id, target, payload);
    }
}
