package io.vigil.agent.drbd;

import java.time.Duration;
import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.agent.testkit.OcfTester;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.executor.process.AgentProcess.Outcome;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DRBD agent. <b>The DRBD kernel module cannot exist on these test machines (no module loading), so the
 * kernel part of DRBD is not exercised here.</b> The agent runs inside test node a against a stand-in
 * {@code drbdadm}/{@code drbdsetup} placed first on its PATH ({@code src/test/resources/fake-drbd}): the stand-in
 * keeps DRBD's role/disk/connection state in files and prints DRBD 9's {@code drbdadm status} format, while
 * configuration commands ({@code dump}, dry runs) go to the real {@code drbdadm}, so the resource configuration
 * the test writes is checked by the real parser, and the real {@code drbdadm -d up} dry run shows the exact kernel
 * command sequence a real start would issue.
 */
class DrbdAgentTest {

    private Lab lab;
    private Node a;
    private Path bin;
    private Path state;
    private Path conf;
    private Map<String, String> env;
    private Map<String, String> p;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.network("a", "b");
        a = lab.node("a");
        bin = Files.createDirectories(a.dir().resolve("fake-drbd"));
        for (String f : List.of("drbdadm", "drbdsetup")) {
            try (InputStream in = getClass().getResourceAsStream("/fake-drbd/" + f)) {
                Files.write(bin.resolve(f), in.readAllBytes());
            }
            Files.setPosixFilePermissions(bin.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        state = Files.createDirectories(bin.resolve("state"));
        conf = a.dir().resolve("drbd.conf");
        Files.writeString(conf, "resource r0 {\n  device /dev/drbd0;\n  disk " + a.dir().resolve("backing.img")
                + ";\n  meta-disk internal;\n  on a { node-id 0; address " + a.v4() + ":7789; }\n"
                + "  on b { node-id 1; address " + lab.node("b").v4() + ":7789; }\n"
                + "  connection-mesh { hosts a b; }\n}\n");
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        p = params("drbd_resource", "r0", "drbdconf", conf.toString());
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private void initialState(String disk, String conn, String peerRole, String peerDisk) throws Exception {
        Files.writeString(state.resolve("r0.init"), "role=Secondary\ndisk=" + disk + "\nconn=" + conn
                + "\npeer=b\npeer_role=" + peerRole + "\npeer_disk=" + peerDisk + "\n");
    }

    private void set(String key, String value) throws Exception {
        Path f = state.resolve("r0");
        StringBuilder b = new StringBuilder();
        for (String l : Files.readAllLines(f)) {
            if (!l.startsWith(key + "=")) {
                b.append(l).append('\n');
            }
        }
        Files.writeString(f, b.append(key).append('=').append(value).append('\n').toString());
    }

    private static int rc(AgentHandle h, AgentAction a, Map<String, String> p) {
        return h.run(a, p).exitCode().code();
    }

    @Test
    void promotableLifecycleWithPromotionScores() throws Exception {
        initialState("UpToDate", "Connected", "Secondary", "UpToDate");
        try (AgentHandle drbd = a.agent(env, DrbdAgent.class.getName()).resource("drbd:0")) {
            assertEquals(7, rc(drbd, AgentAction.MONITOR, p), "probe of a down resource");
            assertEquals(0, rc(drbd, AgentAction.START, p));
            assertEquals("10000", drbd.attributes().get("master-drbd"), "UpToDate with the peer known");
            assertEquals(0, rc(drbd, AgentAction.MONITOR, p), "Secondary");
            assertEquals(0, rc(drbd, AgentAction.START, p), "start on started");
            assertEquals(0, rc(drbd, AgentAction.PROMOTE, p));
            assertEquals(8, rc(drbd, AgentAction.MONITOR, p), "Primary");
            assertEquals(0, rc(drbd, AgentAction.PROMOTE, p), "promote on promoted");
            set("disk", "Failed");
            assertEquals(OcfExitCode.FAILED_PROMOTED, drbd.run(AgentAction.MONITOR, p).exitCode());
            set("disk", "UpToDate");
            assertEquals(0, rc(drbd, AgentAction.DEMOTE, p));
            assertEquals(0, rc(drbd, AgentAction.DEMOTE, p), "demote on demoted");
            assertEquals(0, rc(drbd, AgentAction.MONITOR, p));
            set("conn", "Connecting");
            assertEquals(0, rc(drbd, AgentAction.MONITOR, p));
            assertEquals("1000", drbd.attributes().get("master-drbd"), "UpToDate, peer unknown");
            assertEquals(0, rc(drbd, AgentAction.PROMOTE, p));
            assertEquals(0, rc(drbd, AgentAction.STOP, p), "stop demotes, then takes it down");
            assertFalse(drbd.attributes().containsKey("master-drbd"), "stop removes the score");
            assertEquals(7, rc(drbd, AgentAction.MONITOR, p));
            assertEquals(0, rc(drbd, AgentAction.STOP, p), "stop on stopped");
            assertEquals(0, rc(drbd, AgentAction.NOTIFY, p));
        }
        String calls = Files.readString(state.resolve("calls"));
        assertTrue(calls.contains("drbdadm -c " + conf + " up r0"), calls);
        assertTrue(calls.contains("drbdadm -c " + conf + " primary r0"), calls);
        assertTrue(calls.contains("drbdadm -c " + conf + " secondary r0"), calls);
        assertTrue(calls.contains("drbdadm -c " + conf + " down r0"), calls);
    }

    @Test
    void refusesToPromoteOutdatedOrInconsistentData() throws Exception {
        for (String disk : List.of("Outdated", "Inconsistent")) {
            initialState(disk, "Connecting", "Unknown", "DUnknown");
            try (AgentHandle drbd = a.agent(env, DrbdAgent.class.getName()).resource("drbd")) {
                assertEquals(0, rc(drbd, AgentAction.START, p));
                assertFalse(drbd.attributes().containsKey("master-drbd"), disk + " data gets no score");
                AgentResult promote = drbd.run(AgentAction.PROMOTE, p);
                assertEquals(OcfExitCode.ERR_GENERIC, promote.exitCode());
                assertTrue(promote.output().contains(disk), promote.output());
                assertEquals(0, rc(drbd, AgentAction.MONITOR, p), "still a healthy Secondary");
                assertEquals(0, rc(drbd, AgentAction.STOP, p));
            }
        }
        initialState("Consistent", "Connecting", "Unknown", "DUnknown");
        try (AgentHandle drbd = a.agent(env, DrbdAgent.class.getName()).resource("drbd")) {
            assertEquals(0, rc(drbd, AgentAction.START, p));
            assertEquals("0", drbd.attributes().get("master-drbd"), "Consistent only: first adjust value");
            assertEquals(0, rc(drbd, AgentAction.STOP, p));
        }
        initialState("UpToDate", "Connected", "Primary", "UpToDate");
        try (AgentHandle drbd = a.agent(env, DrbdAgent.class.getName()).resource("drbd")) {
            assertEquals(0, rc(drbd, AgentAction.START, p));
            AgentResult promote = drbd.run(AgentAction.PROMOTE, p);
            assertEquals(OcfExitCode.ERR_GENERIC, promote.exitCode(), "the peer is Primary");
            assertTrue(promote.output().contains("Multiple primaries"), promote.output());
            assertEquals(0, rc(drbd, AgentAction.STOP, p));
        }
    }

    @Test
    void realDrbdadmChecksTheConfigurationAndItsDryRunShowsTheKernelSequence() {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle drbd = a.agent(env, DrbdAgent.class.getName())) {
            assertEquals(0, rc(drbd, AgentAction.VALIDATE_ALL, p));
            AgentResult unknown = drbd.run(AgentAction.VALIDATE_ALL, params("drbd_resource", "r9", "drbdconf",
                    conf.toString()));
            assertEquals(OcfExitCode.ERR_CONFIGURED, unknown.exitCode());
            assertTrue(unknown.output().contains("r9"), unknown.output());
            assertEquals(OcfExitCode.ERR_INSTALLED, drbd.run(AgentAction.VALIDATE_ALL, params("drbd_resource", "r0",
                    "drbdconf", "/nonexistent/drbd.conf")).exitCode());
            AgentResult evil = drbd.run(AgentAction.START, params("drbd_resource", "r0; touch " + pwned));
            assertEquals(OcfExitCode.ERR_CONFIGURED, evil.exitCode());
            assertTrue(evil.output().contains("parameter drbd_resource"), evil.output());
            Map<String, String> scores = new HashMap<>(p);
            scores.put("adjust_master_score", "0 10 5 10000");
            assertEquals(OcfExitCode.ERR_CONFIGURED, drbd.run(AgentAction.VALIDATE_ALL, scores).exitCode());
        }
        assertFalse(Files.exists(pwned));
        // the real drbdadm, dry run, in node a (host name "a" in its UTS namespace)
        // (called by full path, drbdadm names its helpers by full path too)
        String dry = a.ok("/usr/sbin/drbdadm", "-c", conf.toString(), "-d", "up", "r0").replace("/usr/sbin/", "");
        List<String> lines = dry.lines().toList();
        assertEquals("drbdsetup new-resource r0 0", lines.get(0), dry);
        assertTrue(dry.contains("drbdsetup new-peer r0 1 --_name=b"), dry);
        assertTrue(dry.contains("drbdsetup new-path r0 1 ipv4:" + a.v4() + ":7789 ipv4:" + lab.node("b").v4()
                + ":7789"), dry);
        assertTrue(dry.contains("drbdsetup attach 0 " + a.dir().resolve("backing.img")), dry);
        assertTrue(dry.contains("drbdsetup connect r0 1"), dry);
    }

    @Test
    void ocfTesterPassesIncludingPromoteAndDemote() throws Exception {
        initialState("UpToDate", "Connected", "Secondary", "UpToDate");
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), DrbdAgent.class.getName(), List.of());
        Outcome o = OcfTester.run(a, script, "drbd", p, env);
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        initialState("UpToDate", "Connected", "Secondary", "UpToDate");
        try (AgentHandle h = a.agent(env, DrbdAgent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, p, pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
