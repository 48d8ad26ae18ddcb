package io.vigil.shell.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.xml.CibXmlReader;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.NodeCommand;
import io.vigil.shell.crm.command.ResourceCommand;
import io.vigil.shell.crm.syntax.CrmParser;
import io.vigil.shell.crm.translate.AgentDefaults;
import io.vigil.shell.crm.translate.ConfigureSession;
import io.vigil.shell.crm.translate.ConfigureTranslator;
import io.vigil.shell.crm.translate.CrmConfigException;
import io.vigil.shell.crm.translate.ResourceTranslator;

/** Parsed commands → CIB change lists against a real CIB document (configuration and status). */
class TranslatorTest {

    private CibSnapshot cib;
    private final ConfigureTranslator translator = new ConfigureTranslator(AgentDefaults.NONE);

    @BeforeEach
    void load() throws Exception {
        try (InputStream in = TranslatorTest.class.getResourceAsStream("/two-nodes-httpd-failed.xml")) {
            cib = CibXmlReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).snapshot();
        }
    }

    private List<CibChange> configure(String line) {
        return translator.translate((ConfigureCommand) CrmParser.parseLine("configure " + line), cib.configuration(),
                false);
    }

    private String configureError(String line) {
        return assertThrows(CrmConfigException.class, () -> configure(line)).getMessage();
    }

    @Test
    void propertiesAndDefaults() {
        assertEquals(List.of(new CibChange.SetProperty("no-quorum-policy", "ignore")),
                configure("property no-quorum-policy=ignore"));
        assertEquals(List.of(new CibChange.SetAttribute(AttributeTarget.RSC_DEFAULTS, "rsc-options",
                "resource-stickiness", "100")), configure("rsc_defaults resource-stickiness=100"));
        assertEquals(List.of(new CibChange.SetAttribute(AttributeTarget.OP_DEFAULTS, "op-options", "timeout", "60s")),
                configure("op_defaults timeout=60s"));
        assertEquals("unknown cluster property 'stonith-enable' — did you mean 'stonith-enabled'?",
                configureError("property stonith-enable=false"));
        assertEquals("unknown resource default 'stickyness' — did you mean 'resource-stickiness'?",
                configureError("rsc_defaults stickyness=100"));
        assertEquals("unknown meta attribute of primitive d 'target_role' — did you mean 'target-role'?",
                configureError("primitive d Dummy meta target_role=Stopped"));
    }

    @Test
    void groupAndMsWrapExistingResources() throws Exception {
        ConfigureSession s = new ConfigureSession(cib, AgentDefaults.NONE, AgentCatalog.NONE, false);
        s.add((ConfigureCommand) CrmParser.parseLine("configure group web vip httpd"));
        Group g = (Group) s.working().configuration().resources().get(0);
        assertEquals(List.of("vip", "httpd"), g.members().stream().map(m -> m.id()).toList());
        assertEquals("192.168.1.60", g.members().get(0).instanceAttributes().unconditional().get("ip"));
        s.add((ConfigureCommand) CrmParser.parseLine("configure primitive drbd ocf:linbit:drbd params"
                + " drbd_resource=r0 op monitor interval=29s role=Promoted op monitor interval=31s role=Unpromoted"));
        s.add((ConfigureCommand) CrmParser.parseLine("configure ms ms-drbd drbd meta notify=true"));
        Clone ms = (Clone) s.working().configuration().resource("ms-drbd").orElseThrow();
        assertTrue(ms.isPromotable());
        assertEquals("true", ms.meta().get("notify"));
        assertEquals(List.of("drbd-monitor-29s-Promoted", "drbd-monitor-31s-Unpromoted"),
                ((io.vigil.cib.model.Primitive) ms.child()).operations().stream().map(o -> o.id()).toList());

        CrmConfigException e = assertThrows(CrmConfigException.class, () -> s.add((ConfigureCommand) CrmParser
                .parseLine("configure clone c2 vip")));
        assertEquals("clone c2: 'vip' is already in group web", e.getMessage());
    }

    @Test
    void resourceSetsReadAsCrmMeansThem() {
        ConfigureSession s = new ConfigureSession(cib, AgentDefaults.NONE, AgentCatalog.NONE, false);
        s.add((ConfigureCommand) CrmParser.parseLine("configure primitive db ocf:heartbeat:mysql"));
        io.vigil.cib.model.Configuration c = s.working().configuration();

        // "A with B with C": in Pacemaker's sequential set each member is placed with the one before: C B A
        List<CibChange> col = translator.translate((ConfigureCommand) CrmParser.parseLine(
                "configure colocation three inf: vip:Started httpd:Started db:Started"), c, false);
        io.vigil.cib.model.ResourceSet set = ((CibChange.CreateConstraint) col.get(0)).constraint().resourceSets()
                .get(0);
        assertEquals(List.of("db", "httpd", "vip"), set.resourceRefs());
        assertEquals("Started", set.role());
        assertEquals("three-0", set.id());

        // an order chain keeps its order: db, then httpd, then vip
        List<CibChange> ord = translator.translate((ConfigureCommand) CrmParser.parseLine(
                "configure order chain Mandatory: db httpd vip"), c, false);
        io.vigil.cib.model.OrderConstraint o = (io.vigil.cib.model.OrderConstraint)
                ((CibChange.CreateConstraint) ord.get(0)).constraint();
        assertEquals(List.of("db", "httpd", "vip"), o.resourceSets().get(0).resourceRefs());
        assertEquals("Mandatory", o.kind());

        assertEquals("colocation three: resource 'nope' does not exist", assertThrows(CrmConfigException.class,
                () -> translator.translate((ConfigureCommand) CrmParser.parseLine(
                        "configure colocation three inf: httpd vip nope"), c, false)).getMessage());
    }

    @Test
    void deleteTakesTheConstraintsThatNameTheResource() {
        assertEquals(List.of(new CibChange.DeleteConstraint("httpd-with-vip"),
                new CibChange.DeleteConstraint("preferred-node"), new CibChange.DeleteResource("vip")),
                configure("delete vip"));
        assertEquals(List.of(new CibChange.DeleteConstraint("preferred-node")), configure("delete preferred-node"));
        assertEquals("nothing named 'htpd' to delete — did you mean 'httpd'?", configureError("delete htpd"));
    }

    @Test
    void duplicateIdsAndUnknownResources() {
        assertEquals("id 'httpd-with-vip' is already used by a constraint; choose another id or 'crm configure delete"
                + " httpd-with-vip' first", configureError("colocation httpd-with-vip inf: httpd vip"));
        assertEquals("location l: resource 'vpi' does not exist — did you mean 'vip'?",
                configureError("location l vpi 100: vm-node1"));
        assertEquals("primitive x has two 'monitor' operations with interval 10s; give them different intervals",
                configureError("primitive x Dummy op monitor interval=10s op monitor interval=10s"));
    }

    @Test
    void cleanupForgetsHistoryAndFailCountsOfTheResource() {
        List<CibChange> changes = ResourceTranslator.changes(new ResourceCommand(ResourceCommand.Action.CLEANUP,
                "httpd", null, null), cib);
        assertEquals(List.of(new CibChange.DeleteOperationHistory("vm-node1", "httpd", null),
                new CibChange.ClearFailCount("vm-node1", "httpd", null),
                new CibChange.DeleteOperationHistory("vm-node2", "httpd", null)), changes);
        assertEquals(List.of(new CibChange.DeleteOperationHistory("vm-node2", "httpd", null)),
                ResourceTranslator.changes(new ResourceCommand(ResourceCommand.Action.CLEANUP, "httpd", "vm-node2",
                        null), cib));
        assertEquals(List.of(new CibChange.ClearFailCount("vm-node1", "httpd", null)), ResourceTranslator.changes(
                new ResourceCommand(ResourceCommand.Action.FAILCOUNT_DELETE, "httpd", "vm-node1", null), cib));
    }

    @Test
    void moveWithoutANodeBansTheCurrentOne() {
        assertEquals(List.of(new CibChange.CreateConstraint(new io.vigil.cib.model.LocationConstraint(
                "cli-ban-httpd-on-vm-node2", "httpd", null, null, "vm-node2", io.vigil.cib.model.Score.MINUS_INFINITY,
                null, java.util.Map.of(), List.of(), List.of()))), ResourceTranslator.changes(new ResourceCommand(
                        ResourceCommand.Action.BAN, "httpd", null, null), cib));
        assertEquals(List.of(new CibChange.CreateConstraint(new io.vigil.cib.model.LocationConstraint(
                "cli-prefer-httpd", "httpd", null, null, "vm-node1", io.vigil.cib.model.Score.INFINITY,
                null, java.util.Map.of(), List.of(), List.of()))), ResourceTranslator.changes(new ResourceCommand(
                        ResourceCommand.Action.MOVE, "httpd", "vm-node1", null), cib));
    }

    @Test
    void statusAndFailcountReadTheStatusSection() {
        assertEquals(List.of(new ResourceTranslator.Placement("httpd", List.of("vm-node2"), List.of())),
                ResourceTranslator.status("httpd", cib), "stopped on vm-node1 after its failure, started on vm-node2");
        assertEquals(List.of(new ResourceTranslator.Placement("vip", List.of("vm-node1"), List.of()),
                new ResourceTranslator.Placement("httpd", List.of("vm-node2"), List.of())),
                ResourceTranslator.status(null, cib));
        assertEquals(new ResourceTranslator.FailCountValue("httpd", "vm-node1", "2"),
                ResourceTranslator.failcount("httpd", "vm-node1", cib));
        assertEquals(new ResourceTranslator.FailCountValue("httpd", "vm-node2", "0"),
                ResourceTranslator.failcount("httpd", "vm-node2", cib));
        assertEquals("resource 'htpd' does not exist — did you mean 'httpd'?", assertThrows(CrmConfigException.class,
                () -> ResourceTranslator.status("htpd", cib)).getMessage());
    }

    @Test
    void nodeCommands() {
        assertEquals(List.of(new CibChange.SetAttribute(AttributeTarget.NODE, "1", "standby", "on")),
                ResourceTranslator.changes(new NodeCommand(NodeCommand.Action.STANDBY, "vm-node1", null, null), cib));
        assertEquals("node 'vm-node3' is not in the cluster — did you mean 'vm-node1'?",
                assertThrows(CrmConfigException.class, () -> ResourceTranslator.changes(new NodeCommand(
                        NodeCommand.Action.ONLINE, "vm-node3", null, null), cib)).getMessage());
        assertEquals("node vm-node1 has no attribute 'rack'", assertThrows(CrmConfigException.class,
                () -> ResourceTranslator.changes(new NodeCommand(NodeCommand.Action.ATTRIBUTE_DELETE, "vm-node1",
                        "rack", null), cib)).getMessage());
    }

    @Test
    void showReadsBackForEveryForm() {
        String script = String.join("\n",
                "property $id=cib-bootstrap-options stonith-enabled=false no-quorum-policy=ignore",
                "rsc_defaults resource-stickiness=100 migration-threshold=3",
                "op_defaults timeout=60s",
                "primitive drbd ocf:linbit:drbd params drbd_resource=r0 op monitor interval=29s role=Promoted"
                        + " op monitor interval=31s role=Unpromoted",
                "ms ms-drbd drbd meta promoted-max=1 notify=true",
                "primitive fs ocf:heartbeat:Filesystem description=\"the data\" params device=/dev/drbd0"
                        + " directory=\"/var/lib/my sql\" fstype=ext4 op start timeout=60s",
                "primitive db ocf:heartbeat:mysql op monitor interval=20s timeout=30s on-fail=restart",
                "group stack fs db meta target-role=Started",
                "colocation stack-on-drbd inf: stack ms-drbd:Master",
                "order drbd-before-stack Mandatory: ms-drbd:promote stack:start symmetrical=true",
                "order o-score 0: fs db",
                "primitive vip2 ocf:heartbeat:IPaddr2 params ip=10.0.0.2",
                "colocation vip2-db-fs inf: vip2 db fs",
                "order fs-db-vip2 Optional: fs db vip2 symmetrical=false",
                "location l-rules stack rule $id=r-ping $role=Started pingd: defined pingd"
                        + " rule -inf: '#uname' eq vm-node2 and pingd number:lt 1000",
                "location l-node stack role=Started -100: vm-node2 resource-discovery=always");
        ConfigureSession s = new ConfigureSession(cib, AgentDefaults.NONE, AgentCatalog.NONE, false);
        io.vigil.shell.crm.translate.ScriptReader.read(script).forEach(s::add);
        io.vigil.cib.model.Configuration built = s.working().configuration();
        String shown = io.vigil.shell.crm.show.CrmShow.render(built, java.util.Set.of());
        assertTrue(shown.contains("location l-rules stack \\\n\trule $id=r-ping $role=Started pingd: defined pingd"
                + " \\\n\trule -inf: #uname eq vm-node2 and pingd number:lt 1000"), shown);
        assertTrue(shown.contains("directory=\"/var/lib/my sql\""), shown);

        // an empty CIB with the same nodes, then everything show printed (nodes aside)
        io.vigil.cib.model.Configuration empty = io.vigil.cib.model.Configuration.EMPTY
                .withNodes(cib.configuration().nodes());
        ConfigureSession again = new ConfigureSession(new CibSnapshot(null, java.util.Map.of(), empty, null),
                AgentDefaults.NONE, AgentCatalog.NONE, false);
        String withoutNodes = shown.replaceAll("(?m)^node .*$", "");
        io.vigil.shell.crm.translate.ScriptReader.read(withoutNodes).forEach(again::add);
        io.vigil.cib.model.Configuration back = again.working().configuration();
        assertEquals(java.util.Set.copyOf(built.resources()), java.util.Set.copyOf(back.resources()));
        assertEquals(java.util.Set.copyOf(built.constraints()), java.util.Set.copyOf(back.constraints()));
        assertEquals(built.rscDefaults().unconditional(), back.rscDefaults().unconditional());
        assertEquals(built.opDefaults().unconditional(), back.opDefaults().unconditional());
        assertEquals(built.properties().values(), back.properties().values());
    }
}
