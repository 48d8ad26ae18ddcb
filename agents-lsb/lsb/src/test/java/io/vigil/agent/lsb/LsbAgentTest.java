package io.vigil.agent.lsb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.agent.testkit.Poll;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lsb agent inside a test node (own network, mount, UTS and PID namespaces): a test init script that is
 * deliberately not idempotent, and Debian's own {@code /etc/init.d/apache2} with the node's {@code /run} and
 * {@code /var/log/apache2} on private tmpfs mounts so that no global apache path is touched.
 */
class LsbAgentTest {

    private Lab lab;
    private Node node;

    @BeforeEach
    void setUp() {
        lab = Lab.isolated("a");
        node = lab.node("a");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private Path testScript() throws Exception {
        Path state = Files.createDirectories(node.dir().resolve("testd"));
        Path dir = Files.createDirectories(node.dir().resolve("init.d"));
        Path script = dir.resolve("vigil-testd");
        try (InputStream in = getClass().getResourceAsStream("/vigil-testd")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@STATE@", state.toString());
            Files.writeString(script, text);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static int rc(AgentHandle h, AgentAction a) {
        return h.run(a, Map.of()).exitCode().code();
    }

    @Test
    void testInitScriptLifecycleIsIdempotentAndStatusCodesAreMapped() throws Exception {
        Path script = testScript();
        Path state = node.dir().resolve("testd");
        try (AgentHandle lsb = node.agent(LsbAgentFactory.class.getName(), script.toString())) {
            assertEquals(7, rc(lsb, AgentAction.MONITOR), "status 3 = not running");
            assertEquals(0, rc(lsb, AgentAction.STOP), "stop of a stopped service succeeds (script says 7)");
            assertEquals(0, rc(lsb, AgentAction.START));
            assertEquals(0, rc(lsb, AgentAction.MONITOR));
            assertEquals(0, rc(lsb, AgentAction.START), "start of a running service succeeds (script says 1)");
            long pid = Long.parseLong(Files.readString(state.resolve("testd.pid")).strip());
            node.ok("kill", "-KILL", Long.toString(pid)); // behind the agent's back (pid as the node sees it)
            Poll.until("status reports the daemon dead", Duration.ofSeconds(5),
                    () -> rc(lsb, AgentAction.MONITOR) == 7);
            assertTrue(Files.exists(state.resolve("testd.pid")), "status 1 (dead, pid file left) maps to 7");
            assertEquals(0, rc(lsb, AgentAction.START), "restart after a crash");
            Files.writeString(state.resolve("unknown"), "");
            AgentResult unknown = lsb.run(AgentAction.MONITOR, Map.of());
            assertEquals(OcfExitCode.ERR_GENERIC, unknown.exitCode(), "status 4 (unknown) is a failure");
            Files.delete(state.resolve("unknown"));
            assertEquals(0, rc(lsb, AgentAction.STOP));
            assertEquals(7, rc(lsb, AgentAction.MONITOR));
            assertEquals(0, rc(lsb, AgentAction.STOP));
            assertEquals(3, rc(lsb, AgentAction.PROMOTE), "unimplemented");
            assertEquals(0, rc(lsb, AgentAction.VALIDATE_ALL));
            assertTrue(lsb.run(AgentAction.META_DATA, Map.of()).output().contains("Vigil LSB test daemon"));
        }
        List<String> calls = Files.readAllLines(state.resolve("calls"));
        assertFalse(calls.isEmpty());
    }

    @Test
    void ocfTesterPassesAgainstTheLsbAgentWithTheTestScript() throws Exception {
        Path script = testScript();
        Path wrapper = io.vigil.agent.testkit.OcfTester.exportScript(lab.dir().resolve("ocft"),
                LsbAgentFactory.class.getName(), List.of(script.toString()));
        io.vigil.executor.process.AgentProcess.Outcome o = io.vigil.agent.testkit.OcfTester.run(node, wrapper,
                "testd", Map.of());
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    @Test
    void missingScriptIsNotInstalledButStopAndProbeAreClean() {
        try (AgentHandle lsb = node.agent(LsbAgentFactory.class.getName(), "/etc/init.d/vigil-no-such-script")) {
            assertEquals(5, rc(lsb, AgentAction.START));
            assertEquals(7, rc(lsb, AgentAction.MONITOR));
            assertEquals(0, rc(lsb, AgentAction.STOP));
        }
    }

    @Test
    void debiansApache2InitScriptInsideTheNode() {
        // private /run and log directory in the node's own mount namespace: pid file, lock dir and logs stay here
        node.ok("mount", "-t", "tmpfs", "vigil-run", "/run");
        node.ok("mkdir", "-p", "/run/lock"); // /var/lock points there; a fresh /run lacks it
        node.ok("mount", "-t", "tmpfs", "vigil-log", "/var/log/apache2");
        try (AgentHandle lsb = node.agent(LsbAgentFactory.class.getName(), "/etc/init.d/apache2")) {
            assertEquals(7, rc(lsb, AgentAction.MONITOR));
            AgentResult start = lsb.run(AgentAction.START, Map.of());
            assertTrue(start.isSuccess(), start.output());
            assertEquals(0, rc(lsb, AgentAction.MONITOR));
            String page = node.ok("python3", "-c", "import urllib.request;"
                    + "print(urllib.request.urlopen('http://127.0.0.1/', timeout=5).status)");
            assertEquals("200", page.strip());
            assertEquals(0, rc(lsb, AgentAction.START), "start on running");
            for (long pid : node.pidsOf("apache2")) {
                node.exec("kill", "-KILL", Long.toString(pidInNode(pid)));
            }
            Poll.until("apache2 status reports it dead", Duration.ofSeconds(10),
                    () -> rc(lsb, AgentAction.MONITOR) == 7);
            assertTrue(lsb.run(AgentAction.START, Map.of()).isSuccess());
            assertEquals(0, rc(lsb, AgentAction.MONITOR));
            AgentResult stop = lsb.run(AgentAction.STOP, Map.of());
            assertTrue(stop.isSuccess(), stop.output());
            assertEquals(7, rc(lsb, AgentAction.MONITOR));
            assertEquals(0, rc(lsb, AgentAction.STOP), "stop on stopped");
        }
    }

    /** The pid a root-namespace pid has inside the node's PID namespace (last NSpid field). */
    private static long pidInNode(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("NSpid:")) {
                    String[] f = l.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[f.length - 1]);
                }
            }
        } catch (Exception e) {
            // gone
        }
        return pid;
    }

    @Test
    void scriptsAppearAndDisappear() throws Exception {
        Path dir = Files.createDirectories(lab.dir().resolve("initd"));
        Map<String, LsbAgent> registered = new HashMap<>();
        LsbScripts scripts = new LsbScripts(dir, (name, agent) -> {
            registered.put(name, agent);
            return () -> registered.remove(name);
        });
        scripts.rescan();
        assertTrue(registered.isEmpty());
        Path s = dir.resolve("svc");
        Files.writeString(s, "#!/bin/sh\nexit 3\n");
        Files.writeString(dir.resolve("README"), "x");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        scripts.rescan();
        assertEquals(java.util.Set.of("svc"), registered.keySet());
        Files.delete(s);
        scripts.rescan();
        assertTrue(registered.isEmpty());
        assertTrue(LsbScripts.scan(Path.of("/etc/init.d")).containsKey("apache2"));
    }

    /**
     * Issue 9: LSB scripts take no parameters, so resource parameters (shell metacharacters included) never reach
     * the script, neither as arguments nor in its environment: it is run as exactly {@code <script> <verb>}. A file
     * in the init directory whose name a shell would interpret is not offered as an agent type at all.
     */
    @Test
    void parametersNeverReachTheScriptAndOddScriptNamesAreNotAgents() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        Path seen = node.dir().resolve("seen");
        Path dir = Files.createDirectories(node.dir().resolve("init.d"));
        Path script = dir.resolve("vigil-args");
        Path state = node.dir().resolve("args-running");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$0\" \"$@\" >> " + seen + "\necho >> " + seen
                + "\nenv >> " + seen + "\ncase \"$1\" in\n start) touch " + state + " ;;\n status) [ -f " + state
                + " ] || exit 3 ;;\nesac\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String evil = io.vigil.agent.testkit.ShellInjection.payload("x", pwned);
        try (AgentHandle lsb = node.agent(LsbAgentFactory.class.getName(), script.toString())) {
            Map<String, String> p = AgentHandle.params("name", evil, "ip", evil, "config", evil);
            assertEquals(0, lsb.run(AgentAction.START, p).exitCode().code());
            assertEquals(0, lsb.run(AgentAction.MONITOR, p).exitCode().code());
        }
        String record = Files.readString(seen);
        List<String> calls = record.lines().filter(l -> l.startsWith(script + "|")).toList();
        assertTrue(calls.contains(script + "|start|") && calls.contains(script + "|status|"), record);
        assertTrue(calls.stream().allMatch(l -> l.matches(java.util.regex.Pattern.quote(script.toString())
                + "\\|(start|status)\\|")), "only '<script> <verb>': " + calls);
        assertFalse(record.contains("touch"), "no parameter in the script's arguments or environment: " + record);
        assertFalse(Files.exists(pwned));

        Path odd = dir.resolve("x;touch pwned$(id)`id`");
        Files.writeString(odd, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(odd, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of("vigil-args"), List.copyOf(LsbScripts.scan(dir).keySet()));
    }
}
