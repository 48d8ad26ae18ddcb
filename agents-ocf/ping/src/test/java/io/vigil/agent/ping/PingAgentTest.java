package io.vigil.agent.ping;

import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The ping agent inside node a really pings nodes b and c and an unused address of the lab's subnet; b's link is
 * cut and restored on the switch side; pingd is read back from the attribute service the agent wrote to.
 */
class PingAgentTest {

    private Lab lab;
    private Node a;

    @BeforeEach
    void setUp() {
        lab = Lab.network("a", "b", "c");
        a = lab.node("a");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void pingdCountsReachableHostsAndFollowsALinkCut() {
        Map<String, String> p = params("host_list", lab.node("b").v4() + " " + lab.node("c").v6() + " "
                + lab.spareV4(9), "multiplier", "1000", "attempts", "1", "timeout", "1", "dampen", "3s");
        try (AgentHandle ping = a.agent(PingAgent.class.getName()).resource("ping:0")) {
            assertEquals(7, ping.run(AgentAction.MONITOR, p).exitCode().code());
            AgentResult start = ping.run(AgentAction.START, p);
            assertTrue(start.isSuccess(), start.output());
            assertEquals("2000", ping.attributes().get("pingd"), "b (IPv4) and c (IPv6) answer, the spare does not");
            lab.node("b").ok("ip", "link", "set", "eth0", "down");
            AgentResult cut = ping.monitor(p, Duration.ofSeconds(10));
            assertTrue(cut.isSuccess(), cut.output());
            assertEquals("1000", ping.attributes().get("pingd"));
            Map<String, String> strict = new java.util.HashMap<>(p);
            strict.put("failure_score", "1500");
            assertEquals(OcfExitCode.ERR_GENERIC, ping.monitor(strict, Duration.ofSeconds(10)).exitCode(),
                    "below failure_score");
            lab.node("b").ok("ip", "link", "set", "eth0", "up");
            assertTrue(ping.monitor(p, Duration.ofSeconds(10)).isSuccess());
            assertEquals("2000", ping.attributes().get("pingd"));
            assertTrue(ping.run(AgentAction.STOP, p).isSuccess());
            assertFalse(ping.attributes().containsKey("pingd"));
            assertEquals(7, ping.run(AgentAction.MONITOR, p).exitCode().code());
            assertTrue(ping.run(AgentAction.STOP, p).isSuccess(), "stop on stopped");
            Map<String, String> named = new java.util.HashMap<>(p);
            named.put("name", "uplink");
            assertTrue(ping.run(AgentAction.START, named).isSuccess());
            assertEquals("2000", ping.attributes().get("uplink"));
        }
    }

    @Test
    void validationWithoutAttributeServiceAndOcfTester() {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle ping = a.agent(PingAgent.class.getName())) {
            AgentResult none = ping.run(AgentAction.VALIDATE_ALL, Map.of());
            assertEquals(OcfExitCode.ERR_CONFIGURED, none.exitCode());
            assertTrue(none.output().contains("host_list"), none.output());
            AgentResult evil = ping.run(AgentAction.START, params("host_list", "1.2.3.4;touch " + pwned));
            assertEquals(OcfExitCode.ERR_CONFIGURED, evil.exitCode());
            AgentResult opt = ping.run(AgentAction.START, params("host_list", "-f"));
            assertEquals(OcfExitCode.ERR_CONFIGURED, opt.exitCode(), "a host may not look like an option");
            assertEquals(OcfExitCode.ERR_CONFIGURED, ping.run(AgentAction.START, params("host_list", "x",
                    "multiplier", "lots")).exitCode());
            assertEquals(OcfExitCode.ERR_CONFIGURED, ping.run(AgentAction.START, params("host_list", "x",
                    "dampen", "soon")).exitCode());
        }
        assertFalse(Files.exists(pwned));
        try (AgentHandle unbound = a.agent(UnboundPingFactory.class.getName())) {
            AgentResult r = unbound.run(AgentAction.START, params("host_list", lab.node("b").v4(), "timeout", "1"));
            assertEquals(OcfExitCode.ERR_GENERIC, r.exitCode());
            assertTrue(r.output().contains("no node attribute service"), r.output());
        }
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), PingAgent.class.getName(), List.of());
        Outcome o = OcfTester.run(a, script, "ping", params("host_list", lab.node("b").v4(), "attempts", "1",
                "timeout", "1", "pidfile", a.runDirectory().resolve("ocft-ping").toString()));
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle h = a.agent(PingAgent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, AgentHandle.params("host_list", lab.node("b").v4(), "attempts", "1", "timeout", "1"), pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
