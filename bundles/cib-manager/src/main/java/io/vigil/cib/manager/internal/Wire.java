package io.vigil.cib.manager.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.cib.CibParseException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.json.ChangeJson;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;

/** The CIB messages between members, as JSON. */
final class Wire {

    /** A request to apply changes, identified by its origin's request id. */
    record ChangeRequest(String id, String origin, CibVersion base, List<CibChange> changes) {
    }

    /** A member offering its whole copy. */
    record Offer(String origin, Replica.Copy copy) {
    }

    /** A member telling a change's originator that it persisted the change (point to point). */
    record Ack(String id) {
    }

    private Wire() {
    }

    static byte[] encode(ChangeRequest r) {
        JsonObject o = new JsonObject();
        o.addProperty("t", "change");
        o.addProperty("id", r.id());
        o.addProperty("origin", r.origin());
        if (r.base() != null) {
            o.addProperty("base", r.base().toString());
        }
        o.add("changes", JsonParser.parseString(ChangeJson.write(r.changes())));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(Offer offer) {
        JsonObject o = new JsonObject();
        o.addProperty("t", "offer");
        o.addProperty("origin", offer.origin());
        addCopy(o, offer.copy());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(Ack ack) {
        JsonObject o = new JsonObject();
        o.addProperty("t", "ack");
        o.addProperty("id", ack.id());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a message: a {@link ChangeRequest}, an {@link Offer} or an {@link Ack}. Anything else, however
     * malformed, is a {@link CibParseException}: the bytes come from the network.
     */
    static Object decode(byte[] payload) throws CibParseException {
        try {
            return decodeMessage(payload);
        } catch (RuntimeException e) {
            throw new CibParseException("$", "malformed CIB message: " + e, e);
        }
    }

    private static Object decodeMessage(byte[] payload) throws CibParseException {
        JsonObject o;
        try {
            o = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new CibParseException("$", "not a CIB message: " + e.getMessage(), e);
        }
        String type = string(o, "t");
        switch (type) {
            case "change":
                return new ChangeRequest(string(o, "id"), string(o, "origin"), version("$.base", o.get("base")),
                        ChangeJson.read(element(o, "changes").toString()));
            case "offer":
                return new Offer(string(o, "origin"), copy(o));
            case "ack":
                return new Ack(string(o, "id"));
            default:
                throw new CibParseException("$.t", "unknown CIB message type '" + type + "'", null);
        }
    }

    /** The state handed to a joining member: its provider's copy. */
    static byte[] encodeState(Replica.Copy copy) {
        JsonObject o = new JsonObject();
        addCopy(o, copy);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Replica.Copy decodeState(byte[] state) throws CibParseException {
        try {
            return copy(JsonParser.parseString(new String(state, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new CibParseException("$", "malformed CIB state: " + e, e);
        }
    }

    private static void addCopy(JsonObject o, Replica.Copy copy) {
        o.add("snapshot", JsonParser.parseString(CibJson.write(copy.snapshot())));
        if (copy.quorateVersion() != null) {
            o.addProperty("quorate-version", copy.quorateVersion().toString());
        }
    }

    private static Replica.Copy copy(JsonObject o) throws CibParseException {
        return new Replica.Copy(CibJson.read(element(o, "snapshot").toString()),
                version("$.quorate-version", o.get("quorate-version")));
    }

    private static String string(JsonObject o, String field) throws CibParseException {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            throw new CibParseException("$." + field, "missing", null);
        }
        return e.getAsString();
    }

    private static JsonElement element(JsonObject o, String field) throws CibParseException {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new CibParseException("$." + field, "missing", null);
        }
        return e;
    }

    private static CibVersion version(String path, JsonElement e) throws CibParseException {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            return CibVersion.parse(e.getAsString());
        } catch (RuntimeException ex) {
            throw new CibParseException(path, "not a version: " + e, ex);
        }
    }
}
