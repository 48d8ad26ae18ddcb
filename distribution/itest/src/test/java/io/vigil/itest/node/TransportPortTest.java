package io.vigil.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: a node whose cluster transport port is already taken must not run on without messaging; it refuses to
 * start with one line naming the address:port and the config field, and exits non-zero.
 */
class TransportPortTest {

    @TempDir
    Path dir;

    @Test
    void aNodeWhoseTransportPortIsTakenRefusesToStart() throws Exception {
        Path key = dir.resolve("authkey");
        assertEquals(0, Vigil.run("keygen", key.toString()).exitCode());
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Path config = dir.resolve("n1.json");
            Files.writeString(config, "{\"name\": \"n1\", \"stateDir\": \"" + dir.resolve("n1") + "\", \"deployDir\": \""
                    + dir.resolve("n1/deploy") + "\", \"commandPort\": " + Vigil.freePort()
                    + ", \"shippedAgents\": false, \"cluster\": {\"name\": \"tp\", \"bindAddress\": \"127.0.0.1\","
                    + " \"port\": " + port + ", \"peers\": [\"127.0.0.1:" + port + "\", \"127.0.0.1:"
                    + Vigil.freePort() + "\"], \"keyFile\": \"" + key + "\"}}");
            Process p = new ProcessBuilder(Vigil.bin().toString(), "node", "--config", config.toString())
                    .redirectOutput(dir.resolve("n1.out").toFile()).redirectError(dir.resolve("n1.err").toFile())
                    .start();
            try {
                assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the node must exit, not run on without messaging");
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String err = Files.readString(dir.resolve("n1.err"));
            assertNotEquals(0, p.exitValue(), "exit code; stderr:\n" + err);
            List<String> verdict = err.lines().filter(l -> l.startsWith("vigil: ")).toList();
            assertEquals(1, verdict.size(), "one 'vigil:' line, got:\n" + err);
            String line = verdict.get(0);
            assertTrue(line.contains("127.0.0.1:" + port), line);
            assertTrue(line.contains("cluster.port"), line);
            assertTrue(line.contains(config.toString()), "names the config file: " + line);
            assertFalse(err.contains("\tat "), "no stack trace on stderr:\n" + err);
        }
    }
}
