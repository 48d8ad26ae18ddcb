package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    private ClusterConfig parse(String cluster, String node) throws ConfigException {
        return ConfigReader.parse(json(cluster), node, dir);
    }

    @Test
    void fullConfigWithDefaults() throws Exception {
        ClusterConfig c = parse("""
                {"name": "c1", "port": 7801, "keyFile": "authkey",
                 "peers": ["127.0.0.1:7800", "127.0.0.1:7801", {"name": "n3", "address": "127.0.0.1", "port": 7802,
                  "nodeId": 30, "votes": 2}]}""", "n2");
        assertEquals("c1", c.name());
        assertEquals("127.0.0.1", c.bindAddress());
        assertEquals(dir.resolve("authkey"), c.keyFile());
        assertEquals(3, c.peers().size());
        assertEquals(new Peer("n3", "127.0.0.1", 7802, 30, 2), c.peers().get(2));
        assertEquals(2, c.nodeId(), "position in the peer list of this node's address");
        assertEquals(Timeouts.DEFAULTS, c.timeouts());
        assertFalse(c.udp());
        assertEquals(30, parse("""
                {"name": "c1", "port": 7802, "keyFile": "k", "peers": [{"name": "n3", "address": "10.0.0.3",
                 "nodeId": 30}]}""", "n3").nodeId(), "a peer entry naming this node gives its id");
    }

    @Test
    void clusterWithoutKeyRefusesUnlessInsecure() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("{\"name\": \"c1\", \"peers\": [\"127.0.0.1:7800\"]}", "n1"));
        assertTrue(e.getMessage().startsWith("cluster.keyFile: missing"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        ClusterConfig c = parse("{\"name\": \"c1\", \"insecure\": true, \"peers\": [\"127.0.0.1:7800\"]}", "n1");
        assertTrue(c.insecure());
        assertEquals(null, c.keyFile());
    }

    @Test
    void errorsNameTheField() {
        List<String[]> cases = List.of(
                new String[] {"{\"keyFile\": \"k\", \"peers\": [\"a:1\"]}", "cluster.name:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\"}", "cluster.peers:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:99999\"]}", "cluster.peers[0]:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"], \"transport\": \"x\"}",
                    "cluster.transport:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"], \"port\": \"80\"}",
                    "cluster.port:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"],"
                    + " \"failureDetectionTimeoutMs\": 300}", "cluster.failureDetectionTimeoutMs:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [{\"port\": 1}]}",
                    "cluster.peers[0].address:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"], \"address2\": \"b\"}",
                    "cluster.peers[0].address2:"},
                new String[] {"{\"name\": \"c\", \"insecure\": true, \"peers\": [{\"address\": \"a\", \"address2\": \"b\"}],"
                    + " \"address2\": \"b\"}", "cluster.address2:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [{\"address\": \"a\", \"address2\": \"b\"}]}",
                    "cluster.peers[0].address2:"},
                new String[] {"{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"], \"port2\": 9}",
                    "cluster.port2:"});
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(c[0], "n1"), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[1] + " vs " + e.getMessage());
        }
    }

    @Test
    void secondRing() throws Exception {
        ClusterConfig c = parse("""
                {"name": "c1", "port": 7801, "keyFile": "k", "address2": "10.1.0.2",
                 "peers": [{"name": "n1", "address": "10.0.0.1", "port": 7800, "address2": "10.1.0.1", "port2": 7900},
                           {"name": "n2", "address": "10.0.0.2", "port": 7801, "address2": "10.1.0.2"}]}""", "n2");
        assertTrue(c.secondRing());
        assertEquals("10.1.0.2", c.address2());
        assertEquals(7802, c.port2(), "port2 defaults to port + 1");
        assertEquals(new Peer("n1", "10.0.0.1", 7800, 0, 1, "10.1.0.1", 7900), c.peers().get(0));
        assertEquals(7802, c.peers().get(1).port2());
        assertFalse(parse("{\"name\": \"c\", \"keyFile\": \"k\", \"peers\": [\"a:1\"]}", "n1").secondRing());
    }

    @Test
    void fileWithoutClusterSectionIsStandalone() throws Exception {
        Path f = dir.resolve("node.json");
        Files.writeString(f, "{\"node\": {\"name\": \"n1\"}}");
        assertTrue(ConfigReader.read(f, "n1").isEmpty());
        Files.writeString(f, "{\"cluster\": {\"name\": \"c\", \"transport\": \"udp\", \"insecure\": true}}");
        assertTrue(ConfigReader.read(f, "n1").orElseThrow().udp());
        Files.writeString(f, "not json {");
        assertThrows(ConfigException.class, () -> ConfigReader.read(f, "n1"));
    }

    @Test
    void shortKeyFileIsRefused() throws Exception {
        Path k = dir.resolve("k");
        Files.write(k, new byte[16]);
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterKey.load(k, "c"));
        assertTrue(e.getMessage().startsWith("cluster.keyFile:"), e.getMessage());
    }
}
