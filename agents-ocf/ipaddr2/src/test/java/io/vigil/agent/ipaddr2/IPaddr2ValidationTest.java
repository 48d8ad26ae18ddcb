package io.vigil.agent.ipaddr2;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** Parameter checking (inside a test node, as every IPaddr2 action) and Debian's ocf-tester against the agent. */
class IPaddr2ValidationTest {

    private Lab lab;
    private Node a;

    @BeforeEach
    void setUp() {
        lab = Lab.network("a");
        a = lab.node("a");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private static void assertError(AgentHandle h, Map<String, String> p, OcfExitCode code, String mentions) {
        AgentResult r = h.run(AgentAction.VALIDATE_ALL, p);
        assertEquals(code, r.exitCode(), r.output());
        assertTrue(r.output().contains(mentions), mentions + " not in: " + r.output());
        assertEquals(code, h.run(AgentAction.START, p).exitCode(), "start refuses too: " + p);
    }

    @Test
    void badParametersAreRejectedNamingTheParameterAndNothingReachesAShell() {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle h = a.agent(IPaddr2Agent.class.getName())) {
            assertError(h, Map.of(), OcfExitCode.ERR_CONFIGURED, "parameter ip is required");
            assertError(h, params("ip", "1.2.3.4; touch " + pwned), OcfExitCode.ERR_CONFIGURED, "parameter ip");
            assertError(h, params("ip", "$(touch " + pwned + ")"), OcfExitCode.ERR_CONFIGURED, "parameter ip");
            assertError(h, params("ip", "300.1.1.1"), OcfExitCode.ERR_CONFIGURED, "parameter ip");
            assertError(h, params("ip", lab.spareV4(1), "nic", "eth0;reboot"), OcfExitCode.ERR_CONFIGURED,
                    "parameter nic");
            assertError(h, params("ip", lab.spareV4(1), "nic", "nosuch0"), OcfExitCode.ERR_CONFIGURED,
                    "nosuch0 does not exist");
            assertError(h, params("ip", lab.spareV4(1), "cidr_netmask", "33"), OcfExitCode.ERR_CONFIGURED,
                    "parameter cidr_netmask");
            assertError(h, params("ip", lab.spareV4(1), "cidr_netmask", "255.0.255.0"),
                    OcfExitCode.ERR_CONFIGURED, "parameter cidr_netmask");
            assertError(h, params("ip", lab.spareV4(1), "iflabel", "a-very-long-label"), OcfExitCode.ERR_CONFIGURED,
                    "parameter iflabel");
            assertError(h, params("ip", lab.spareV4(1), "arp_count", "many"), OcfExitCode.ERR_CONFIGURED,
                    "parameter arp_count");
            assertError(h, params("ip", "192.168.254.7"), OcfExitCode.ERR_CONFIGURED, "parameter nic is required");
            assertError(h, params("ip", lab.spareV4(1), "lvs_support", "true"), OcfExitCode.ERR_CONFIGURED,
                    "lvs_support");
            AgentResult dotted = h.run(AgentAction.VALIDATE_ALL, params("ip", lab.spareV4(1), "cidr_netmask",
                    "255.255.255.0"));
            assertTrue(dotted.isSuccess(), dotted.output());
            assertEquals(7, h.run(AgentAction.MONITOR, params("ip", lab.spareV4(1), "nic", "eth0")).exitCode()
                    .code());
            assertEquals(3, h.run(AgentAction.PROMOTE, params("ip", lab.spareV4(1))).exitCode().code());
        }
        assertFalse(Files.exists(pwned));
    }

    @Test
    void ocfTesterPassesAgainstTheJavaAgent() {
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), IPaddr2Agent.class.getName(),
                java.util.List.of());
        Outcome o = OcfTester.run(a, script, "vip", params("ip", lab.spareV4(5), "cidr_netmask", "24"));
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle h = a.agent(IPaddr2Agent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, AgentHandle.params("ip", lab.spareV4(1), "nic", "eth0", "cidr_netmask", "24"), pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
