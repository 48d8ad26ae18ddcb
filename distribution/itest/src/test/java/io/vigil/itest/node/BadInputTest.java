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

import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code bin/vigil} gives one clear line naming the problem and a non-zero exit, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Vigil.Result r, String expectedFragment) {
        assertNotEquals(0, r.exitCode(), "exit code");
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line only, got:\n" + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace, got:\n" + err);
        assertTrue(err.startsWith("vigil: "), err);
        assertTrue(err.contains(expectedFragment), "expected '" + expectedFragment + "' in: " + err);
    }

    @Test
    void missingConfig() {
        assertOneLine(Vigil.run("node", "--config", dir.resolve("absent.json").toString()), "does not exist");
        assertOneLine(Vigil.run("node"), "node needs --config FILE");
    }

    @Test
    void malformedConfig() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"name\": \"n1\", \"stateDir\": \"/tmp/x\" \"commandPort\": 7001}");
        assertOneLine(Vigil.run("node", "--config", f.toString()), "is not valid JSON");
        Files.writeString(f, "{\"name\": \"n1\", \"commandPort\": 7001}");
        assertOneLine(Vigil.run("node", "--config", f.toString()), "missing required field 'stateDir'");
    }

    @Test
    void portAlreadyInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Path f = dir.resolve("n.json");
            Files.writeString(f, "{\"name\": \"n1\", \"stateDir\": \"" + dir.resolve("n1") + "\", \"commandPort\": "
                    + taken.getLocalPort() + "}");
            assertOneLine(Vigil.run("node", "--config", f.toString()),
                    "command port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void unknownCommandAndNoNode() {
        assertOneLine(Vigil.run("frobnicate"), "unknown command 'frobnicate'");
        int port = Vigil.freePort();
        Vigil.Result r = Vigil.run("shell", "--port", Integer.toString(port), "agents");
        assertOneLine(r, "no node is listening on command port 127.0.0.1:" + port);
        assertEquals(3, r.exitCode());
    }
}
