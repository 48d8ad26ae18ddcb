package io.vigil.shell.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.Score;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.show.CrmShow;
import io.vigil.shell.crm.translate.AgentDefaults;
import io.vigil.shell.crm.translate.ConfigureSession;
import io.vigil.shell.crm.translate.ScriptReader;

/** Seed 001's crm session, line by line, translated into the CIB objects the walkthrough means. */
class SeedCrmSessionTest {

    static CibSnapshot twoNodes() {
        Configuration c = Configuration.EMPTY.withNodes(List.of(
                new Node("1", "vm-node1", "member", null, null, Map.of(), null, null),
                new Node("2", "vm-node2", "member", null, null, Map.of(), null, null)));
        return new CibSnapshot(null, Map.of(), c, null);
    }

    static String seedLines() throws IOException {
        try (InputStream in = SeedCrmSessionTest.class.getResourceAsStream("/seed001-crm.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Configuration runSeed() throws IOException {
        ConfigureSession s = new ConfigureSession(twoNodes(), AgentDefaults.NONE, AgentCatalog.NONE, false);
        for (ConfigureCommand c : ScriptReader.read(seedLines())) {
            s.add(c);
        }
        return s.working().configuration();
    }

    @Test
    void everySeedLineParses() throws IOException {
        List<ConfigureCommand> cmds = ScriptReader.read(seedLines());
        assertEquals(9, cmds.size(), "the seed's nine crm configure lines");
    }

    @Test
    void seedSessionBuildsTheWalkthroughsCib() throws IOException {
        Configuration c = runSeed();

        assertEquals("false", c.properties().get("stonith-enabled").orElseThrow());
        assertEquals("ignore", c.properties().get("no-quorum-policy").orElseThrow());

        Primitive vip = (Primitive) c.resource("vip").orElseThrow();
        assertEquals("ocf:heartbeat:IPaddr2", vip.agent());
        assertEquals(Map.of("ip", "192.168.1.60", "cidr_netmask", "24", "nic", "bond1"),
                vip.instanceAttributes().unconditional());
        assertEquals("vip-instance_attributes", vip.instanceAttributes().sets().get(0).id());
        Operation vipMonitor = vip.operations().get(0);
        assertEquals("vip-monitor-10s", vipMonitor.id());
        assertEquals(10_000, vipMonitor.intervalMs());

        Primitive httpd = (Primitive) c.resource("httpd").orElseThrow();
        assertEquals("ocf:heartbeat:apache", httpd.agent());
        assertEquals("http://localhost/server-status", httpd.instanceAttributes().unconditional().get("statusurl"));
        assertEquals(List.of("start", "stop", "monitor"), httpd.operations().stream().map(Operation::name).toList());
        assertEquals("60s", httpd.operations().get(0).timeout());
        assertEquals("0s", httpd.operations().get(0).interval());
        Operation httpdMonitor = httpd.operations().get(2);
        assertEquals("20s", httpdMonitor.timeout());
        assertEquals(AgentDefaults.FALLBACK_MONITOR_INTERVAL, httpdMonitor.interval(),
                "a monitor without interval recurs (the agent knows none here)");

        ColocationConstraint col = (ColocationConstraint) c.constraints().stream()
                .filter(k -> k.id().equals("httpd-with-vip")).findFirst().orElseThrow();
        assertEquals("httpd", col.rsc());
        assertEquals("vip", col.withRsc());
        assertEquals(Score.INFINITY, col.score());

        LocationConstraint pref = (LocationConstraint) c.constraints().stream()
                .filter(k -> k.id().equals("preferred-node")).findFirst().orElseThrow();
        assertEquals("vip", pref.rsc());
        assertEquals("vm-node1", pref.node());
        assertEquals(Score.of(100), pref.score());

        Clone clone = (Clone) c.resources().stream().filter(r -> r.id().equals("cloned-ping-gateway")).findFirst()
                .orElseThrow();
        Primitive ping = (Primitive) clone.child();
        assertEquals("ping-gateway", ping.id());
        assertEquals("ocf:pacemaker:ping", ping.agent());
        assertEquals("1000", ping.instanceAttributes().unconditional().get("multiplier"));
        assertFalse(clone.isPromotable());
        assertTrue(c.resources().stream().noneMatch(r -> r.id().equals("ping-gateway")),
                "the cloned primitive is no longer top level");

        LocationConstraint gw = (LocationConstraint) c.constraints().stream()
                .filter(k -> k.id().equals("vip-needs-gateway")).findFirst().orElseThrow();
        assertNull(gw.node());
        Rule rule = gw.rules().get(0);
        assertEquals(Score.MINUS_INFINITY, rule.score());
        assertEquals("or", rule.booleanOp());
        assertEquals(List.of(new Expression("vip-needs-gateway-rule-expression", "pingd", "not_defined", null, null,
                null), new Expression("vip-needs-gateway-rule-expression-1", "pingd", "lte", "0", null, null)),
                rule.conditions());
    }

    @Test
    void showPrintsCrmSyntaxThatReadsBackToTheSameConfiguration() throws IOException {
        Configuration c = runSeed();
        String shown = CrmShow.render(c, Set.of());
        assertTrue(shown.contains("colocation httpd-with-vip inf: httpd vip"), shown);
        assertTrue(shown.contains("location preferred-node vip 100: vm-node1"), shown);
        assertTrue(shown.contains("location vip-needs-gateway vip \\\n\trule -inf: not_defined pingd or pingd lte 0"),
                shown);
        assertTrue(shown.contains("primitive vip ocf:heartbeat:IPaddr2 \\\n\tparams ip=192.168.1.60 cidr_netmask=24"
                + " nic=bond1 \\\n\top monitor interval=10s"), shown);

        // read back into a CIB holding only the nodes: the same resources and constraints
        String withoutNodes = shown.lines().filter(l -> !l.startsWith("node ")).reduce("", (a, b) -> a + b + "\n");
        ConfigureSession again = new ConfigureSession(twoNodes(), AgentDefaults.NONE, AgentCatalog.NONE, false);
        ScriptReader.read(withoutNodes).forEach(again::add);
        Configuration back = again.working().configuration();
        assertEquals(Set.copyOf(c.resources()), Set.copyOf(back.resources()));
        assertEquals(Set.copyOf(c.constraints()), Set.copyOf(back.constraints()));
        assertEquals(c.properties().values(), back.properties().values());
    }

    @Test
    void theSessionIsAllOrNothing() throws IOException {
        ConfigureSession s = new ConfigureSession(twoNodes(), AgentDefaults.NONE, AgentCatalog.NONE, false);
        ScriptReader.read(seedLines()).forEach(s::add);
        int before = s.changes().size();
        Configuration was = s.working().configuration();
        // colocation with a resource that does not exist: refused, the session keeps what it had
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.add((ConfigureCommand) io.vigil.shell.crm.syntax.CrmParser.parseLine(
                        "configure colocation web-with-db inf: httpd mysql")));
        assertEquals("colocation web-with-db: resource 'mysql' does not exist", e.getMessage());
        assertEquals(before, s.changes().size());
        assertEquals(was, s.working().configuration());
        assertInstanceOf(Primitive.class, was.resource("vip").orElseThrow());
    }
}
