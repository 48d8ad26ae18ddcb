package io.vigil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path f = dir.resolve("node.json");
        Files.writeString(f, json);
        return f;
    }

    private String problem(String json) throws IOException {
        Path f = write(json);
        return assertThrows(UsageException.class, () -> NodeConfig.load(f)).getMessage();
    }

    @Test
    void theMinimalConfigLoads() throws Exception {
        NodeConfig c = NodeConfig.load(write("{\"name\": \"n1\", \"stateDir\": \"/var/lib/vigil/n1\", "
                + "\"deployDir\": \"/var/lib/vigil/n1/deploy\", \"commandPort\": 7001}"));
        assertEquals("n1", c.name());
        assertEquals(Path.of("/var/lib/vigil/n1"), c.stateDir());
        assertEquals(Path.of("/var/lib/vigil/n1/deploy"), c.deployDir());
        assertEquals(7001, c.commandPort());
    }

    @Test
    void relativePathsAreRelativeToTheConfigFileAndDeployDirDefaults() throws Exception {
        NodeConfig c = NodeConfig.load(write("{\"name\": \"n1\", \"stateDir\": \"state\", \"commandPort\": 7001,"
                + " \"cluster\": {\"ignored\": \"by the launcher\"}}"));
        assertEquals(dir.resolve("state"), c.stateDir());
        assertEquals(dir.resolve("state/deploy"), c.deployDir());
    }

    @Test
    void problemsNameTheFileAndTheField() throws Exception {
        assertTrue(problem("{\"stateDir\": \"s\", \"commandPort\": 1}").contains("missing required field 'name'"));
        assertTrue(problem("{\"name\": \"n1\", \"stateDir\": \"s\", \"commandPort\": \"x\"}")
                .contains("field 'commandPort' must be a TCP port number"));
        assertTrue(problem("{\"name\": \"n1\", \"stateDir\": \"s\", \"commandPort\": 70000}")
                .contains("commandPort"));
        assertTrue(problem("{\"name\": \"bad name\", \"stateDir\": \"s\", \"commandPort\": 7001}")
                .contains("field 'name'"));
        String malformed = problem("{\"name\": \"n1\", \"stateDir\": ");
        assertTrue(malformed.contains("is not valid JSON") && malformed.contains(dir.toString()), malformed);
        assertTrue(problem("[1]").contains("expected a JSON object"));
        Path missing = dir.resolve("nope.json");
        assertTrue(assertThrows(UsageException.class, () -> NodeConfig.load(missing)).getMessage()
                .contains("does not exist"));
    }

    @Test
    void cliReportsOneLineAndNonZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"frobnicate"}, new PrintStream(out), new PrintStream(err));
        assertEquals(2, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals("vigil: unknown command 'frobnicate' (see 'vigil help')\n", e);
        err.reset();
        assertEquals(2, Main.run(new String[] {"shell", "--port", "x", "agents"}, new PrintStream(out),
                new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port needs a number"));
    }
}
