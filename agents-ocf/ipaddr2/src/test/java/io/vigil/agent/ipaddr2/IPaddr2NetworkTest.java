package io.vigil.agent.ipaddr2;

import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.agent.testkit.Poll;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IPaddr2 on a real (namespaced) network: nodes a, b, c each in their own network, mount, UTS and PID namespaces,
 * joined by a bridge in a separate switch namespace. The agent runs inside a and c; b is the client. Nothing
 * touches the root namespace.
 */
class IPaddr2NetworkTest {

    private Lab lab;

    @BeforeEach
    void setUp() {
        lab = Lab.network("a", "b", "c");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private static String mac(Node n) {
        String out = n.ok("ip", "-o", "link", "show", "dev", "eth0");
        return out.substring(out.indexOf("link/ether ") + 11).split("\\s+")[0];
    }

    private static String neighbour(Node client, String ip) {
        String out = client.ok("ip", "neigh", "show", ip).strip();
        int i = out.indexOf("lladdr ");
        return i < 0 ? "" : out.substring(i + 7).split("\\s+")[0];
    }

    private static boolean pings(Node from, String ip, boolean v6) {
        return from.exec(v6 ? List.of("ping", "-6", "-c", "1", "-W", "1", ip)
                : List.of("ping", "-c", "1", "-W", "1", ip), Map.of(), Duration.ofSeconds(5)).exitCode() == 0;
    }

    @Test
    void addressAppearsInAReachableByBAndBsArpEntryFollowsItToC() {
        Node a = lab.node("a");
        Node b = lab.node("b");
        Node c = lab.node("c");
        String vip = lab.spareV4(1);
        // Linux ignores ARP updates for an entry changed less than neigh locktime (1 s) ago, and b's entry was just
        // confirmed by its ping: the announcements must span more than a second, as they do in real failovers
        Map<String, String> p = params("ip", vip, "iflabel", "vip", "arp_count", "4", "arp_interval", "500");
        try (AgentHandle onA = a.agent(IPaddr2Agent.class.getName()).resource("vip");
                AgentHandle onC = c.agent(IPaddr2Agent.class.getName()).resource("vip")) {
            assertEquals(7, onA.run(AgentAction.MONITOR, p).exitCode().code(), "probe before start");
            AgentResult start = onA.run(AgentAction.START, p);
            assertTrue(start.isSuccess(), start.output());
            String addrs = a.ok("ip", "-o", "-4", "addr", "show", "dev", "eth0");
            assertTrue(addrs.contains(vip + "/24") && addrs.contains("eth0:vip"),
                    "nic and prefix from the routing table, label eth0:vip: " + addrs);
            assertEquals(0, onA.monitor(p, Duration.ofSeconds(10)).exitCode().code());
            assertTrue(onA.run(AgentAction.START, p).isSuccess(), "start on started");
            assertTrue(pings(b, vip, false), "b reaches the address on a");
            assertEquals(mac(a), neighbour(b, vip), "b's ARP entry points at a");

            assertTrue(onA.run(AgentAction.STOP, p).isSuccess());
            assertFalse(a.ok("ip", "-o", "addr").contains(vip + "/"), "gone from a");
            assertEquals(7, onA.run(AgentAction.MONITOR, p).exitCode().code());
            assertTrue(onA.run(AgentAction.STOP, p).isSuccess(), "stop on stopped");
            AgentResult startC = onC.run(AgentAction.START, p);
            assertTrue(startC.isSuccess(), startC.output());
            // the gratuitous ARP alone moves b's entry: b sends nothing to the address before we look
            String macC = mac(c);
            Poll.until("b's ARP entry follows the address to c", Duration.ofSeconds(5),
                    () -> neighbour(b, vip).equals(macC));
            assertTrue(pings(b, vip, false), "b reaches the address on c");
            assertTrue(onC.run(AgentAction.STOP, p).isSuccess());
        }
    }

    @Test
    void ipv6AddressWithDuplicateAddressDetection() {
        Node a = lab.node("a");
        Node b = lab.node("b");
        String vip = lab.spareV6(1);
        Map<String, String> p = params("ip", vip, "cidr_netmask", "64", "nic", "eth0");
        try (AgentHandle onA = a.agent(IPaddr2Agent.class.getName()).resource("vip6")) {
            assertEquals(7, onA.run(AgentAction.MONITOR, p).exitCode().code());
            AgentResult start = onA.run(AgentAction.START, p);
            assertTrue(start.isSuccess(), start.output());
            assertFalse(a.ok("ip", "-o", "-6", "addr", "show", "dev", "eth0").contains("tentative"),
                    "start returns after DAD");
            assertTrue(pings(b, vip, true), "b reaches the IPv6 address");
            assertEquals(0, onA.monitor(p, Duration.ofSeconds(10)).exitCode().code());
            assertTrue(onA.run(AgentAction.STOP, p).isSuccess());
            assertEquals(7, onA.run(AgentAction.MONITOR, p).exitCode().code());
        }
    }

    /**
     * The bridge running Debian's real IPaddr2 script and the Java agent give the same exit codes for the same
     * sequence of actions (including bad parameters), each in its own node.
     */
    @Test
    void realScriptThroughTheBridgeMatchesTheJavaAgent() {
        Node a = lab.node("a");
        Node c = lab.node("c");
        List<Integer> script = new ArrayList<>();
        List<Integer> java = new ArrayList<>();
        try (AgentHandle s = a.agent(ScriptFactory.class.getName(), a.dir().resolve("shims").toString())
                .resource("vip");
                AgentHandle j = c.agent(IPaddr2Agent.class.getName()).resource("vip")) {
            for (AgentHandle h : List.of(s, j)) {
                List<Integer> codes = h == s ? script : java;
                Map<String, String> p = params("ip", lab.spareV4(2), "cidr_netmask", "24", "nic", "eth0",
                        "iflabel", "x");
                Map<String, String> v6 = params("ip", lab.spareV6(2), "cidr_netmask", "64", "nic", "eth0",
                        "nodad", "true");
                codes.add(h.run(AgentAction.VALIDATE_ALL, p).exitCode().code());
                codes.add(h.run(AgentAction.MONITOR, p).exitCode().code());
                codes.add(h.run(AgentAction.STOP, p).exitCode().code());
                codes.add(h.run(AgentAction.START, p).exitCode().code());
                codes.add(h.run(AgentAction.START, p).exitCode().code());
                codes.add(h.monitor(p, Duration.ofSeconds(10)).exitCode().code());
                codes.add(h.run(AgentAction.STOP, p).exitCode().code());
                codes.add(h.run(AgentAction.MONITOR, p).exitCode().code());
                codes.add(h.run(AgentAction.START, v6).exitCode().code());
                codes.add(h.monitor(v6, Duration.ofSeconds(10)).exitCode().code());
                codes.add(h.run(AgentAction.STOP, v6).exitCode().code());
                codes.add(h.run(AgentAction.VALIDATE_ALL, params("ip", "not-an-ip")).exitCode().code());
                codes.add(h.run(AgentAction.START, params("ip", lab.spareV4(3), "cidr_netmask", "99")).exitCode()
                        .code());
            }
        }
        assertEquals(List.of(0, 7, 0, 0, 0, 0, 0, 7, 0, 0, 0, 6, 6), java);
        assertEquals(java, script, "script " + script + " vs java " + java);
    }
}
