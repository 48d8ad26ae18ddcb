package io.vigil.agent.ocfbridge;

import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pacemaker's real {@code ocf:pacemaker:ping} script run by the bridge inside test node {@code a} (its own
 * network, mount, UTS and PID namespaces): it really pings node {@code b} and an unused address, and the
 * {@code pingd} value it publishes with {@code attrd_updater} reaches the node attribute service through Vigil's
 * shim.
 */
class ScriptAgentNamespaceTest {

    private Lab lab;
    private Path shims;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.network("a", "b");
        shims = Shims.install(lab.dir().resolve("shims"));
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void realPingScriptPublishesPingdThroughTheAttrdUpdaterShim() {
        Node a = lab.node("a");
        Node b = lab.node("b");
        Map<String, String> p = params("host_list", b.v4() + " " + lab.spareV4(1), "multiplier", "100",
                "attempts", "1", "timeout", "1", "dampen", "2s",
                "pidfile", a.runDirectory().resolve("ping.pid").toString());
        try (AgentHandle ping = a.agent(ScriptAgentFactory.class.getName(), "/usr/lib/ocf/resource.d/pacemaker/ping",
                "pacemaker", "ping", shims.toString()).resource("ping:0")) {
            assertEquals(7, ping.run(AgentAction.MONITOR, p).exitCode().code());
            AgentResult start = ping.run(AgentAction.START, p);
            assertTrue(start.isSuccess(), start.output());
            assertEquals("100", ping.attributes().get("pingd"), "one of two hosts answers");
            b.ok("ip", "link", "set", "eth0", "down");
            AgentResult mon = ping.monitor(p, Duration.ofSeconds(10));
            assertTrue(mon.isSuccess(), mon.output());
            assertEquals("0", ping.attributes().get("pingd"), "no host answers");
            b.ok("ip", "link", "set", "eth0", "up");
            assertTrue(ping.run(AgentAction.STOP, p).isSuccess());
            assertTrue(!ping.attributes().containsKey("pingd"), "stop deletes pingd: " + ping.attributes());
        }
    }
}
