package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;

import org.junit.jupiter.api.Test;

/**
 * Issue 9, security (fuzzing): the controller's messages between nodes (execution requests, leases, their answers,
 * crash reports, resignations), mutated at random — bytes flipped, cut or padded, JSON values swapped for other types or nulls,
 * keys dropped — are either decoded into a complete message or refused with an IllegalArgumentException, never
 * another exception; a decoded lease or answer goes through the lease exchange without an exception. The seed is
 * printed.
 */
class MessagesFuzzTest {

    private static final int ROUNDS = 20_000;
    private static final String PUNCTUATION = " {}[]\":,0123456789-.eEtrufalsn\\x";

    private static List<byte[]> corpus() {
        return List.of(
                Messages.exec(new ExecRequest("3:7:0:n1", "r1", "ocf", "pacemaker", "Dummy", "start", 0, 20_000, 0,
                        Map.of("state", "/run/r1.state", "CRM_meta_timeout", "20000"))),
                Messages.lease(new Messages.Lease("n1", 42, true, 7, 1_234_567L, List.of("n3"))),
                Messages.lease(new Messages.Lease("n1", 43, false, 7, null, List.of())),
                Messages.leaseAck(new Messages.LeaseAck("n2", 42, 7, -99L)),
                Messages.dead(new Messages.Dead("n3")),
                Messages.resign(new Messages.Resign("n1")));
    }

    @Test
    void mutatedMessagesAreDecodedWholeOrRefused() {
        long seed = System.nanoTime();
        System.out.println("MessagesFuzzTest seed " + seed);
        Random rng = new Random(seed);
        List<byte[]> corpus = corpus();
        MembershipView view = view();
        LeaseProtocol dc = protocol("n1");
        LeaseProtocol member = protocol("n2");
        dc.leaseRound(view, 42, true, List.of(), n -> false, n -> true, 0);
        int decoded = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(corpus.get(rng.nextInt(corpus.size())), rng);
            Object msg;
            try {
                msg = Messages.decode(m);
            } catch (IllegalArgumentException refused) {
                continue;
            } catch (RuntimeException e) {
                fail("seed " + seed + ", round " + i + ": " + e + " on " + new String(m, StandardCharsets.UTF_8), e);
                return;
            }
            decoded++;
            try {
                if (msg instanceof ExecRequest r) {
                    assertNotNull(r.params());
                    r.operationKey();
                } else if (msg instanceof Messages.Lease l) {
                    assertNotNull(l.dc());
                    member.leaseReceived(l, view, n -> false, i);
                } else if (msg instanceof Messages.LeaseAck a) {
                    assertNotNull(a.member());
                    dc.ackReceived("n2", a, view, n -> true, i);
                } else if (msg instanceof Messages.Dead d) {
                    assertNotNull(d.node());
                } else if (msg instanceof Messages.Resign r) {
                    assertNotNull(r.dc());
                } else {
                    fail("decoded into " + msg);
                }
            } catch (RuntimeException e) {
                fail("seed " + seed + ", round " + i + ": decoded " + msg + " but handling it threw " + e, e);
            }
        }
        System.out.println("MessagesFuzzTest: " + decoded + " of " + ROUNDS + " mutants decoded, the rest refused");
    }

    private static LeaseProtocol protocol(String me) {
        return new LeaseProtocol(me, 2000, new LeaseGuard(2000, 1000, 0), new DcAuthority(me, 1000),
                new LeasePromise(1000));
    }

    private static MembershipView view() {
        List<Member> m = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3")) {
            m.add(new Member(n, Integer.parseInt(n.substring(1)), 1, Instant.EPOCH));
        }
        return new MembershipView(7, "n1", m, false, List.of());
    }

    private static byte[] mutate(byte[] original, Random rng) {
        if (rng.nextBoolean()) {
            JsonObject o = JsonParser.parseString(new String(original, StandardCharsets.UTF_8)).getAsJsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            String key = keys.get(rng.nextInt(keys.size()));
            switch (rng.nextInt(4)) {
                case 0 -> o.remove(key);
                case 1 -> o.add(key, JsonNull.INSTANCE);
                case 2 -> o.add(key, other(rng));
                default -> o.add(key + (char) ('a' + rng.nextInt(26)), other(rng));
            }
            return o.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = original.clone();
        switch (rng.nextInt(3)) {
            case 0 -> {
                for (int k = 1 + rng.nextInt(3); k > 0; k--) {
                    b[rng.nextInt(b.length)] = (byte) PUNCTUATION.charAt(rng.nextInt(PUNCTUATION.length()));
                }
                return b;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(b, rng.nextInt(b.length));
            }
            default -> {
                byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + rng.nextInt(8));
                for (int k = b.length; k < longer.length; k++) {
                    longer[k] = (byte) rng.nextInt(256);
                }
                return longer;
            }
        }
    }

    private static JsonElement other(Random rng) {
        return switch (rng.nextInt(6)) {
            case 0 -> new JsonPrimitive(rng.nextLong());
            case 1 -> new JsonPrimitive("x" + rng.nextInt(100));
            case 2 -> new JsonPrimitive(rng.nextBoolean());
            case 3 -> new JsonArray();
            case 4 -> {
                JsonArray a = new JsonArray();
                a.add(JsonNull.INSTANCE);
                yield a;
            }
            default -> new JsonObject();
        };
    }
}
