package io.vigil.quorum.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.quorum.logic.QuorumSettings;
import io.vigil.quorum.logic.QuorumSettings.TieBreaker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code "quorum"} section of the node config, and the node list (ids and votes) from
 * {@code "cluster.peers"}: a string entry is node id = its position (1-based) with 1 vote; an object may give
 * {@code nodeId} and {@code votes}. Without a "cluster" section the node is standalone: one node, one vote.
 */
final class QuorumConfigReader {

    private QuorumConfigReader() {
    }

    static QuorumSettings read(Path file) {
        if (file == null) {
            return QuorumSettings.defaults(Map.of(1, 1));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            return parse(root.isJsonObject() ? root.getAsJsonObject() : new JsonObject());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read node config " + file + ": " + e.getMessage(), e);
        }
    }

    static QuorumSettings parse(JsonObject root) {
        JsonObject cluster = object(root, "cluster");
        if (cluster == null) {
            return QuorumSettings.defaults(Map.of(1, 1));
        }
        Map<Integer, Integer> nodes = nodes(cluster);
        JsonObject q = object(root, "quorum");
        if (q == null) {
            q = new JsonObject();
        }
        boolean twoNode = bool(q, "twoNode", false);
        boolean atb = bool(q, "autoTieBreaker", false);
        if (twoNode && atb) {
            throw new IllegalArgumentException("quorum.autoTieBreaker: cannot be combined with twoNode");
        }
        if (twoNode && nodes.size() > 2) {
            throw new IllegalArgumentException("quorum.twoNode: the node list has " + nodes.size() + " nodes, not 2");
        }
        return new QuorumSettings(integer(q, "expectedVotes", 0), nodes, twoNode,
                bool(q, "waitForAll", twoNode), bool(q, "lastManStanding", false),
                integer(q, "lastManStandingWindowMs", 10_000), atb, tieBreaker(q.get("autoTieBreakerNode")));
    }

    private static Map<Integer, Integer> nodes(JsonObject cluster) {
        Map<Integer, Integer> nodes = new LinkedHashMap<>();
        JsonElement peers = cluster.get("peers");
        if (peers != null && peers.isJsonArray()) {
            JsonArray a = peers.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement p = a.get(i);
                int id = i + 1;
                int votes = 1;
                if (p.isJsonObject()) {
                    id = integer(p.getAsJsonObject(), "nodeId", id);
                    votes = integer(p.getAsJsonObject(), "votes", 1);
                }
                if (nodes.put(id, votes) != null) {
                    throw new IllegalArgumentException("cluster.peers[" + i + "].nodeId: " + id + " is used twice");
                }
            }
        }
        return nodes;
    }

    private static TieBreaker tieBreaker(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return TieBreaker.LOWEST;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return switch (e.getAsString()) {
                case "lowest" -> TieBreaker.LOWEST;
                case "highest" -> new TieBreaker(TieBreaker.Mode.HIGHEST, List.of());
                default -> throw new IllegalArgumentException("quorum.autoTieBreakerNode: must be \"lowest\","
                        + " \"highest\", a node id or a list of node ids, got \"" + e.getAsString() + "\"");
            };
        }
        List<Integer> ids = new ArrayList<>();
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> ids.add(x.getAsInt()));
        } else {
            ids.add(e.getAsInt());
        }
        return new TieBreaker(TieBreaker.Mode.LIST, ids);
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static boolean bool(JsonObject o, String key, boolean def) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("quorum." + key + ": must be true or false");
        }
        return e.getAsBoolean();
    }

    private static int integer(JsonObject o, String key, int def) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() < 0
                || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new IllegalArgumentException(key + ": must be a non-negative integer, got " + e);
        }
        return e.getAsInt();
    }
}
