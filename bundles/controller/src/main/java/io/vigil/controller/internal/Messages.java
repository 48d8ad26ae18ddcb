package io.vigil.controller.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The controller's messages between nodes, as JSON: execution requests, DC leases and their acknowledgements. */
final class Messages {

    static final String TOPIC = "vigil.controller";

    private static final Gson GSON = new Gson();

    /**
     * A DC's lease: while a node keeps receiving these from the DC of its partition, that partition may run
     * resources. {@code runnable} is false when the partition has no quorum and its policy says resources stop.
     * {@code viewId} is the view the DC coordinates: a member takes (and answers) only a lease for the view it holds.
     * {@code grantedFrom} echoes the time stamp of the member's latest answer to this DC (the member's own clock):
     * the lease holds one lease time from then; null when the DC grants nothing yet (no authority, or no answer).
     * {@code crashed} names nodes confirmed crashed, whose promises ({@link LeasePromise}) are void.
     */
    record Lease(String dc, long sequence, boolean runnable, long viewId, Long grantedFrom, List<String> crashed) {
        Lease {
            crashed = crashed == null ? List.of() : List.copyOf(crashed);
        }
    }

    /**
     * A member's answer to lease {@code sequence}: it holds view {@code viewId}, of which the lease's sender is the
     * coordinator, and answered at {@code answeredNanos} on its own monotonic clock. The DC acts only while enough
     * of its view answered recently ({@link DcAuthority}).
     */
    record LeaseAck(String member, long sequence, long viewId, long answeredNanos) {
    }

    /** A member saw {@code node}'s connection closed by its host: its process died. Sent to the DC. */
    record Dead(String node) {
    }

    /**
     * The DC {@code dc} stopped everything and leaves (a graceful shutdown): it grants and acts no more, so the
     * members' promises to it are void and the next DC is confirmed at once.
     */
    record Resign(String dc) {
    }

    private Messages() {
    }

    static byte[] resign(Resign r) {
        JsonObject o = GSON.toJsonTree(r).getAsJsonObject();
        o.addProperty("t", "resign");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] dead(Dead d) {
        JsonObject o = GSON.toJsonTree(d).getAsJsonObject();
        o.addProperty("t", "dead");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] exec(ExecRequest r) {
        JsonObject o = GSON.toJsonTree(r).getAsJsonObject();
        o.addProperty("t", "exec");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] lease(Lease l) {
        JsonObject o = GSON.toJsonTree(l).getAsJsonObject();
        o.addProperty("t", "lease");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] leaseAck(LeaseAck a) {
        JsonObject o = GSON.toJsonTree(a).getAsJsonObject();
        o.addProperty("t", "lease-ack");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes an {@link ExecRequest}, a {@link Lease}, a {@link LeaseAck}, a {@link Dead} or a {@link Resign};
     * throws IllegalArgumentException when malformed.
     */
    static Object decode(byte[] payload) {
        try {
            JsonObject o = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
            String t = o.get("t").getAsString();
            Object m = switch (t) {
                case "exec" -> GSON.fromJson(o, ExecRequest.class);
                case "lease" -> GSON.fromJson(o, Lease.class);
                case "lease-ack" -> GSON.fromJson(o, LeaseAck.class);
                case "dead" -> GSON.fromJson(o, Dead.class);
                case "resign" -> GSON.fromJson(o, Resign.class);
                default -> throw new IllegalArgumentException("unknown controller message '" + t + "'");
            };
            if (m instanceof ExecRequest r && (r.resource() == null || r.task() == null || r.type() == null)) {
                throw new IllegalArgumentException("exec request without resource, task or type");
            }
            if (m instanceof LeaseAck a && a.member() == null) {
                throw new IllegalArgumentException("lease-ack without member");
            }
            if (m instanceof Lease l && l.dc() == null) {
                throw new IllegalArgumentException("lease without dc");
            }
            if (m instanceof Dead d && d.node() == null) {
                throw new IllegalArgumentException("dead without node");
            }
            if (m instanceof Resign r && r.dc() == null) {
                throw new IllegalArgumentException("resign without dc");
            }
            return m;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed controller message: " + e.getMessage(), e);
        }
    }
}
