package io.vigil.messaging.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/** Reads and validates the {@code "cluster"} section of a node's JSON configuration. */
public final class ConfigReader {

    private ConfigReader() {
    }

    /** Parses the node config file; empty if the file has no "cluster" section (standalone node). */
    public static Optional<ClusterConfig> read(Path file, String nodeName) throws ConfigException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read node config " + file + ": " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new ConfigException("node config " + file + ": top level must be a JSON object");
        }
        JsonElement cluster = root.getAsJsonObject().get("cluster");
        if (cluster == null || cluster.isJsonNull()) {
            return Optional.empty();
        }
        if (!cluster.isJsonObject()) {
            throw new ConfigException("cluster: must be a JSON object");
        }
        return Optional.of(parse(cluster.getAsJsonObject(), nodeName, file.getParent()));
    }

    /** Parses a "cluster" object; relative key file paths resolve against {@code baseDir}. */
    public static ClusterConfig parse(JsonObject c, String nodeName, Path baseDir) throws ConfigException {
        String name = string(c, "name", null);
        if (name == null || name.isBlank()) {
            throw new ConfigException("cluster.name: missing (the cluster name every node must share)");
        }
        String bind = string(c, "bindAddress", "127.0.0.1");
        int port = integer(c, "port", 7800, 1, 65535);
        String address2 = string(c, "address2", null);
        int port2 = integer(c, "port2", port + 1, 1, 65535);
        if (address2 == null && c.has("port2")) {
            throw new ConfigException("cluster.port2: given without cluster.address2 (the second ring's address)");
        }
        String transport = string(c, "transport", "tcp");
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            throw new ConfigException("cluster.transport: must be \"tcp\" or \"udp\", got \"" + transport + "\"");
        }
        boolean udp = transport.equals("udp");
        List<Peer> peers = peers(c, port);
        if (!udp && peers.isEmpty()) {
            throw new ConfigException("cluster.peers: missing (TCP needs the static list of peer addresses)");
        }
        boolean insecure = bool(c, "insecure", false);
        if (address2 != null) {
            if (udp) {
                throw new ConfigException("cluster.address2: a second ring needs \"transport\": \"tcp\"");
            }
            if (insecure) {
                throw new ConfigException("cluster.address2: a second ring needs a cluster key (not \"insecure\")");
            }
            for (int i = 0; i < peers.size(); i++) {
                if (peers.get(i).address2() == null) {
                    throw new ConfigException("cluster.peers[" + i + "].address2: missing (with a second ring every"
                            + " peer is an object naming its address2, and port2 unless it is port + 1)");
                }
            }
        } else {
            for (int i = 0; i < peers.size(); i++) {
                if (peers.get(i).address2() != null) {
                    throw new ConfigException("cluster.peers[" + i + "].address2: given, but this node has no"
                            + " cluster.address2 (configure the second ring on every node)");
                }
            }
        }
        String key = string(c, "keyFile", null);
        Path keyFile = null;
        if (key != null) {
            keyFile = baseDir == null ? Path.of(key) : baseDir.resolve(key);
        } else if (!insecure) {
            throw new ConfigException("cluster.keyFile: missing (create one with `vigil keygen FILE`,"
                    + " or set \"insecure\": true to run without authentication and encryption)");
        }
        int votes = integer(c, "votes", 1, 0, 255);
        int nodeId = integer(c, "nodeId", 0, 1, Integer.MAX_VALUE);
        if (nodeId == 0) {
            nodeId = defaultNodeId(peers, nodeName, bind, port);
        }
        Timeouts d = Timeouts.DEFAULTS;
        Timeouts t = new Timeouts(
                integer(c, "failureDetectionIntervalMs", (int) d.failureDetectionIntervalMs(), 10, 60_000),
                integer(c, "failureDetectionTimeoutMs", (int) d.failureDetectionTimeoutMs(), 50, 600_000),
                integer(c, "verifySuspectMs", (int) d.verifySuspectMs(), 10, 60_000),
                integer(c, "joinTimeoutMs", (int) d.joinTimeoutMs(), 100, 600_000),
                integer(c, "mergeIntervalMs", (int) d.mergeIntervalMs(), 200, 600_000),
                integer(c, "maxClockSkewMs", (int) d.maxClockSkewMs(), 1000, 86_400_000));
        if (t.failureDetectionTimeoutMs() < 2 * t.failureDetectionIntervalMs()) {
            throw new ConfigException("cluster.failureDetectionTimeoutMs: must be at least twice"
                    + " failureDetectionIntervalMs (" + t.failureDetectionIntervalMs() + ")");
        }
        return new ClusterConfig(name, bind, port, peers, udp, string(c, "mcastAddress", "239.8.8.8"),
                integer(c, "mcastPort", 45588, 1, 65535), keyFile, insecure, nodeId, votes,
                integer(c, "failureDetectionPortOffset", 100, 1, 10_000), t, address2, address2 == null ? 0 : port2);
    }

    /** Own id: the peer entry naming this node or listing its address; else a stable hash of the name. */
    static int defaultNodeId(List<Peer> peers, String nodeName, String bind, int port) {
        for (int i = 0; i < peers.size(); i++) {
            Peer p = peers.get(i);
            boolean me = nodeName != null && nodeName.equals(p.name())
                    || p.name() == null && p.address().equals(bind) && p.port() == port;
            if (me) {
                return p.nodeId() > 0 ? p.nodeId() : i + 1;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(String.valueOf(nodeName).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7fff_ffffL) | 0x1000_0000;
    }

    private static List<Peer> peers(JsonObject c, int defaultPort) throws ConfigException {
        JsonElement e = c.get("peers");
        List<Peer> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new ConfigException("cluster.peers: must be an array");
        }
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            String field = "cluster.peers[" + i + "]";
            JsonElement p = a.get(i);
            if (p.isJsonPrimitive() && p.getAsJsonPrimitive().isString()) {
                out.add(hostPort(p.getAsString(), defaultPort, field));
            } else if (p.isJsonObject()) {
                JsonObject o = p.getAsJsonObject();
                String addr = string(o, "address", null, field);
                if (addr == null) {
                    throw new ConfigException(field + ".address: missing");
                }
                Peer hp = hostPort(addr, integer(o, "port", defaultPort, 1, 65535, field), field);
                String addr2 = string(o, "address2", null, field);
                int port2 = integer(o, "port2", hp.port() + 1, 1, 65535, field);
                if (addr2 == null && o.has("port2")) {
                    throw new ConfigException(field + ".port2: given without " + field + ".address2");
                }
                out.add(new Peer(string(o, "name", null, field), hp.address(), hp.port(),
                        integer(o, "nodeId", 0, 1, Integer.MAX_VALUE, field), integer(o, "votes", 1, 0, 255, field),
                        addr2, addr2 == null ? 0 : port2));
            } else {
                throw new ConfigException(field + ": must be \"host:port\" or an object with address/port");
            }
        }
        return out;
    }

    private static Peer hostPort(String s, int defaultPort, String field) throws ConfigException {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new Peer(null, s, defaultPort, 0, 1);
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Peer(null, s.substring(0, colon), port, 0, 1);
        } catch (NumberFormatException e) {
            throw new ConfigException(field + ": bad port in \"" + s + "\"");
        }
    }

    private static String string(JsonObject o, String key, String def) throws ConfigException {
        return string(o, key, def, "cluster");
    }

    private static String string(JsonObject o, String key, String def, String parent) throws ConfigException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ConfigException(parent + "." + key + ": must be a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String key, boolean def) throws ConfigException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new ConfigException("cluster." + key + ": must be true or false");
        }
        return e.getAsBoolean();
    }

    private static int integer(JsonObject o, String key, int def, int min, int max) throws ConfigException {
        return integer(o, key, def, min, max, "cluster");
    }

    private static int integer(JsonObject o, String key, int def, int min, int max, String parent)
            throws ConfigException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        String field = parent + "." + key;
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new ConfigException(field + ": must be a number");
        }
        double v = e.getAsDouble();
        if (v != Math.rint(v) || v < min || v > max) {
            throw new ConfigException(field + ": must be an integer from " + min + " to " + max + ", got " + e);
        }
        return (int) v;
    }
}
