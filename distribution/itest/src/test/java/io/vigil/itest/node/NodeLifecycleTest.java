package io.vigil.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.Jars;
import io.vigil.itest.support.NodeProcess;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node process: started with {@code bin/vigil node}, driven through {@code bin/vigil shell}, given an agent
 * bundle at runtime through its deploy folder, and stopped with SIGTERM.
 */
class NodeLifecycleTest {

    @TempDir
    Path dir;

    private NodeProcess node;

    @AfterEach
    void cleanUp() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void agentBundlesComeAndGoThroughTheDeployFolderAndSigtermStopsCleanly() throws Exception {
        node = NodeProcess.start("n1", dir, "\"shippedAgents\": false");
        Duration ready = node.awaitReady(Duration.ofSeconds(60));
        System.out.println("node answered on its command port after " + ready.toMillis() + " ms");
        assertEquals("", node.shell("agents").outLines(), "no agents before any is deployed");

        Path jar = Vigil.home().resolve("agents/io.vigil.agent.dummy.jar");
        Path tmp = node.deployDir().resolve(".dummy.tmp");
        Files.copy(jar, tmp);
        Files.move(tmp, node.deployDir().resolve("io.vigil.agent.dummy.jar"), StandardCopyOption.ATOMIC_MOVE);
        Duration appeared = Deadline.await("Dummy to appear in 'agents'", Duration.ofSeconds(20), 50,
                () -> node.shell("agents").out().contains("ocf:pacemaker:Dummy"));
        System.out.println("agent appeared " + appeared.toMillis() + " ms after the jar was dropped");
        assertEquals("ocf:heartbeat:Dummy\nocf:pacemaker:Dummy", node.shell("agents").outLines());

        Vigil.Result info = node.shell("agent-info ocf:pacemaker:Dummy");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("state") && info.out().contains("monitor: timeout=20s interval=10s"),
                info.out());

        Files.delete(node.deployDir().resolve("io.vigil.agent.dummy.jar"));
        Duration gone = Deadline.await("Dummy to disappear from 'agents'", Duration.ofSeconds(20), 50,
                () -> node.shell("agents").outLines().isEmpty());
        System.out.println("agent disappeared " + gone.toMillis() + " ms after the jar was removed");

        assertEquals(0, node.terminate(Duration.ofSeconds(30)), "SIGTERM stops the node with exit code 0");
        String log = Files.readString(node.stateDir().resolve("vigil.log"));
        assertTrue(log.contains("node n1 stopped"), log);
        assertTrue(log.contains("io.vigil.agents.AgentRegistryComponent: agent ocf:pacemaker:Dummy removed"), log);
    }

    @Test
    void shippedAgentsAreDeployedOnFirstStartAndShellReadsStandardInput() throws Exception {
        node = NodeProcess.start("n2", dir, "");
        node.awaitReady(Duration.ofSeconds(60));
        Deadline.await("shipped Dummy to be installed", Duration.ofSeconds(20), 50,
                () -> node.shell("agents").out().contains("ocf:pacemaker:Dummy"));
        Vigil.Result r = Vigil.runWithInput("agents\nagent-info ocf:heartbeat:Dummy\n", "shell", "--port",
                portOf(node));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ocf:pacemaker:Dummy") && r.out().contains("Resource options:"), r.out());
        Vigil.Result bad = Vigil.runWithInput("agents\nno-such-command\n", "shell", "--port", portOf(node));
        assertNotEquals(0, bad.exitCode(), "a failing line makes the whole run fail");
        assertEquals(0, node.terminate(Duration.ofSeconds(30)));
    }

    @Test
    void unknownCommandsAndBadArgumentsAreOneLineErrors() throws Exception {
        node = NodeProcess.start("n3", dir, "\"shippedAgents\": false");
        node.awaitReady(Duration.ofSeconds(60));
        Vigil.Result r = node.shell("frobnicate now");
        assertNotEquals(0, r.exitCode());
        assertEquals("unknown command 'frobnicate' (type 'help' for the list of commands)", r.err().strip());
        Vigil.Result info = node.shell("agent-info ocf:nobody:Nothing");
        assertNotEquals(0, info.exitCode());
        assertEquals("agent 'ocf:nobody:Nothing' is not installed (see 'agents' for the installed types)",
                info.err().strip());
        Vigil.Result syntax = node.shell("agent-info Dummy");
        assertNotEquals(0, syntax.exitCode());
        assertTrue(syntax.err().strip().startsWith("'Dummy' is not an agent name"), syntax.err());
        assertEquals(0, node.terminate(Duration.ofSeconds(30)));
    }

    @Test
    void replacingAnAgentJarWithANewerVersionUpgradesItInPlace() throws Exception {
        node = NodeProcess.start("n4", dir, "\"shippedAgents\": false");
        node.awaitReady(Duration.ofSeconds(60));
        Path deployed = node.deployDir().resolve("io.vigil.agent.dummy.jar");
        Path staged = dir.resolve("staged.jar");
        Jars.withBundleVersion(Vigil.home().resolve("agents/io.vigil.agent.dummy.jar"), staged, "1.0.0");
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
        Deadline.await("Dummy 1.0.0 to be active", Duration.ofSeconds(20), 50,
                () -> bundleLine(node).contains("1.0.0") && node.shell("agents").out().contains("Dummy"));
        String before = bundleLine(node);
        String bundleId = before.strip().split("\\|")[0].strip();
        String otherBundles = node.shell("lb -s").out().replace(before, "");

        Jars.withBundleVersion(Vigil.home().resolve("agents/io.vigil.agent.dummy.jar"), staged, "1.1.0");
        Files.move(staged, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Duration upgraded = Deadline.await("Dummy 1.1.0 to replace 1.0.0", Duration.ofSeconds(20), 50,
                () -> bundleLine(node).contains("1.1.0") && bundleLine(node).contains("Active"));
        System.out.println("agent upgraded " + upgraded.toMillis() + " ms after the jar was replaced");
        String after = bundleLine(node);
        assertEquals(bundleId, after.strip().split("\\|")[0].strip(), "updated in place: same bundle id");
        Deadline.await("Dummy back in 'agents'", Duration.ofSeconds(10), 50,
                () -> node.shell("agents").out().contains("ocf:pacemaker:Dummy"));
        assertEquals(otherBundles, node.shell("lb -s").out().replace(after, ""),
                "no other bundle changed state");
        String log = Files.readString(node.stateDir().resolve("vigil.log"));
        assertEquals(1, log.split("command port listening", -1).length - 1, "the command port never restarted");
        assertEquals(0, node.terminate(Duration.ofSeconds(30)));
    }

    private static String bundleLine(NodeProcess n) {
        return n.shell("lb -s").out().lines().filter(l -> l.contains("io.vigil.agent.dummy")).findFirst()
                .orElse("");
    }

    private static String portOf(NodeProcess n) throws Exception {
        String json = Files.readString(n.stateDir().getParent().resolve(n.stateDir().getFileName() + ".json"));
        return json.replaceAll("(?s).*\"commandPort\": (\\d+).*", "$1");
    }
}
