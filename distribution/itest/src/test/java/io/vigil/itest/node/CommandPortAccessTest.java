package io.vigil.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vigil.itest.support.NodeProcess;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, security: the command port serves only the user that owns the node's state directory. The test runs as
 * root (the owner of the state directory it creates) and runs clients as {@code nobody} through {@code setpriv}:
 * both {@code bin/vigil shell} and a raw connection that sends a command anyway are refused, and the command they
 * sent changes nothing.
 */
class CommandPortAccessTest {

    private static final int EX_NOPERM = 77;

    @TempDir
    Path dir;

    @Test
    void anotherUserIsRefusedAndTheOwnerIsServed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && "root".equals(System.getProperty("user.name")),
                "needs root and setpriv to run a client as another user");
        try (NodeProcess n = NodeProcess.start("n1", dir, "\"shippedAgents\": false")) {
            n.awaitReady(Duration.ofSeconds(90)); // through 'bin/vigil shell' as root: the owner is served
            String port = Integer.toString(n.commandPort());

            Vigil.Result shell = asNobody(Vigil.bin().toString(), "shell", "--port", port, "cib version");
            assertEquals(EX_NOPERM, shell.exitCode(), "nobody's 'vigil shell': " + shell);
            assertTrue(shell.err().contains("may not run commands on this node")
                    && shell.err().contains("state directory " + n.stateDir()), shell.err());
            assertFalse(shell.out().matches("(?s).*\\d+\\.\\d+\\.\\d+.*"), "no answer leaked: " + shell.out());

            // a raw client that ignores the protocol and sends a change straight away
            Vigil.Result raw = asNobody("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port
                    + " && printf 'cib set-property batch-limit 4242\\n' >&3 && cat <&3");
            assertTrue(raw.out().contains("= " + EX_NOPERM), "refused with exit code 77: " + raw);
            Vigil.Result show = n.shell("cib show");
            assertEquals(0, show.exitCode(), show.err());
            assertFalse(show.out().contains("4242"), "the refused command ran: " + show.out());

            // the owner still gets answers, and its own change is made
            Vigil.Result set = n.shell("cib set-property batch-limit 4243");
            assertEquals(0, set.exitCode(), set.err());
            assertTrue(n.shell("cib show").out().contains("4243"));
        }
    }

    private Vigil.Result asNobody(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
                "--clear-groups"));
        cmd.addAll(List.of(command));
        Path out = dir.resolve("nobody.out");
        Path err = dir.resolve("nobody.err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("HOME", "/tmp");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "client as nobody did not finish: " + cmd);
        } finally {
            p.destroyForcibly();
        }
        return new Vigil.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
