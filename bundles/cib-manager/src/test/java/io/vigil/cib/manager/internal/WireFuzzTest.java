package io.vigil.cib.manager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

import org.junit.jupiter.api.Test;

/**
 * Issue 9, security (fuzzing): the CIB messages members exchange ({@link Wire}) and the state handed to joining
 * members, mutated at random — bytes flipped, cut or padded, JSON values swapped for other types, keys dropped —
 * are either decoded or refused with a {@link io.vigil.cib.CibParseException}, never another exception; a decoded
 * change the members reject leaves the copy (applied and committed) and the disk untouched. The seed is printed.
 */
class WireFuzzTest {

    private static final int ROUNDS = 5_000;
    private static final String PUNCTUATION = " {}[]\":,0123456789-.eEtrufalsn\\x";

    private final List<CibVersion> saved = new ArrayList<>();

    private Replica replica() throws CibException {
        Replica r = new Replica(new CibSnapshot(null, Map.of(), null, null),
                new CibChanges(Validator.forChanges(AgentCatalog.NONE)), s -> saved.add(s.version()));
        r.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "false"),
                new CibChange.SetProperty("batch-limit", "7")));
        r.applyChange(null, List.of(new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true", "crmd",
                "online")), new CibChange.SetTransientAttribute("n1", "pingd", "100")));
        return r;
    }

    private List<byte[]> corpus(Replica r) {
        List<byte[]> c = new ArrayList<>();
        c.add(Wire.encode(new Wire.ChangeRequest("n1-1-1", "n1", null, List.of(
                new CibChange.SetProperty("batch-limit", "3"), new CibChange.UnsetProperty("stonith-enabled")))));
        c.add(Wire.encode(new Wire.ChangeRequest("n2-1-7", "n2", r.applied().version(), List.of(
                new CibChange.SetNodeState("2", "n2", Map.of("in_ccm", "true")),
                new CibChange.IncrementTransientAttribute("n1", "fail-count-x#start_0", "1"),
                new CibChange.ClearFailCount("n1", "x", "start")))));
        c.add(Wire.encode(new Wire.Offer("n3", new Replica.Copy(r.applied(), r.applied().version()))));
        c.add(Wire.encode(new Wire.Ack("n1-1-1")));
        c.add(Wire.encodeState(new Replica.Copy(r.applied(), r.applied().version())));
        return c;
    }

    @Test
    void mutatedMessagesAreRefusedCleanlyAndRejectedChangesChangeNothing() throws Exception {
        long seed = System.nanoTime();
        System.out.println("WireFuzzTest seed " + seed);
        Random rnd = new Random(seed);
        Replica r = replica();
        List<byte[]> corpus = corpus(r);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> wrapped = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] base = corpus.get(rnd.nextInt(corpus.size()));
            byte[] mutant = rnd.nextBoolean() ? mutateBytes(base, rnd) : mutateJson(base, rnd);
            String outcome = feed(r, mutant, rnd.nextInt(4) == 0, wrapped);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("WireFuzzTest outcomes over " + ROUNDS + " mutants: " + outcomes);
        if (!wrapped.isEmpty()) {
            // refused cleanly by Wire's safety net, but the CIB readers threw something other than CibParseException
            System.out.println("WireFuzzTest: the CIB JSON readers threw " + wrapped.size()
                    + " unchecked exceptions (caught by Wire), e.g. " + wrapped.subList(0, Math.min(5,
                            wrapped.size())));
        }
        assertTrue(outcomes.getOrDefault("refused", 0) > 0 && outcomes.getOrDefault("rejected", 0)
                + outcomes.getOrDefault("applied", 0) > 0, "the fuzzing reached decoding and applying: " + outcomes);
    }

    /** Delivers one mutant the way {@link ReplicatedCib} does; returns what happened. */
    private String feed(Replica r, byte[] payload, boolean asState, List<String> wrapped) {
        CibSnapshot appliedBefore = r.applied();
        CibSnapshot currentBefore = r.current();
        int savesBefore = saved.size();
        Object msg;
        try {
            msg = asState ? Wire.decodeState(payload) : Wire.decode(payload);
        } catch (io.vigil.cib.CibParseException e) {
            if (e.getCause() instanceof RuntimeException x && !(x instanceof com.google.gson.JsonParseException)) {
                wrapped.add(x.toString());
            }
            assertSame(appliedBefore, r.applied(), "a refused message changed the copy");
            return "refused";
        } catch (Throwable t) {
            fail("decoding threw " + t + " for " + new String(payload, StandardCharsets.UTF_8), t);
            return "";
        }
        try {
            if (msg instanceof Wire.ChangeRequest c) {
                try {
                    r.applyChange(c.base(), c.changes());
                    return "applied";
                } catch (CibException e) {
                    assertSame(appliedBefore, r.applied(), "a rejected change altered the applied copy");
                    assertSame(currentBefore, r.current(), "a rejected change altered the committed copy");
                    assertEquals(savesBefore, saved.size(), "a rejected change was persisted");
                    return "rejected";
                }
            }
            if (msg instanceof Wire.Offer o) {
                return r.offer(o.origin(), o.copy()) ? "offer-won" : "offer-lost";
            }
            if (msg instanceof Replica.Copy s) {
                CibJson.write(s.snapshot()); // a received state must be writable again (it is persisted and handed on)
                return "state";
            }
            return "ack";
        } catch (Throwable t) {
            fail("applying a decoded mutant threw " + t + " for " + new String(payload, StandardCharsets.UTF_8), t);
            return "";
        }
    }

    private static byte[] mutateBytes(byte[] base, Random r) {
        switch (r.nextInt(4)) {
            case 0: {
                byte[] b = base.clone();
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
                }
                return b;
            }
            case 1:
                return java.util.Arrays.copyOf(base, r.nextInt(base.length));
            case 2: {
                byte[] b = base.clone();
                b[r.nextInt(b.length)] = (byte) r.nextInt();
                return b;
            }
            default: {
                byte[] b = new byte[r.nextInt(64)];
                r.nextBytes(b);
                return b;
            }
        }
    }

    private static byte[] mutateJson(byte[] base, Random r) {
        JsonElement root = JsonParser.parseString(new String(base, StandardCharsets.UTF_8));
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            root = mutate(root, r, 0);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces one randomly chosen node of the tree (or drops a key) and returns the new root. */
    private static JsonElement mutate(JsonElement e, Random r, int depth) {
        if ((e.isJsonObject() && e.getAsJsonObject().size() > 0 || e.isJsonArray() && e.getAsJsonArray().size() > 0)
                && r.nextInt(4) != 0) {
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject().deepCopy();
                List<String> keys = new ArrayList<>(o.keySet());
                String key = keys.get(r.nextInt(keys.size()));
                if (r.nextInt(6) == 0) {
                    o.remove(key);
                } else {
                    o.add(key, mutate(o.get(key), r, depth + 1));
                }
                return o;
            }
            JsonArray a = e.getAsJsonArray().deepCopy();
            int i = r.nextInt(a.size());
            a.set(i, mutate(a.get(i), r, depth + 1));
            return a;
        }
        return switch (r.nextInt(9)) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> new JsonPrimitive(r.nextInt(3) - 1);
            case 2 -> new JsonPrimitive(Long.MAX_VALUE);
            case 3 -> new JsonPrimitive("");
            case 4 -> new JsonPrimitive("INFINITY");
            case 5 -> new JsonPrimitive(r.nextBoolean());
            case 6 -> new JsonArray();
            case 7 -> new JsonObject();
            default -> new JsonPrimitive("x" + r.nextInt(100) + (r.nextBoolean() ? "<&\"'" : ""));
        };
    }
}
