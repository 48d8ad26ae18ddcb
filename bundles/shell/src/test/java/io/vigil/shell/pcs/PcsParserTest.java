package io.vigil.shell.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.Score;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsRequest.What;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.testing.CibFixture;

/** Every pcs form of issue 8, translated and applied to a CIB with the real change engine. */
class PcsParserTest {

    private CibFixture f;

    @BeforeEach
    void cluster() {
        f = new CibFixture("n1", "n2", "n3");
    }

    private Configuration conf() {
        return f.cib().configuration();
    }

    private Primitive primitive(String id) {
        return (Primitive) conf().resource(id).orElseThrow();
    }

    private String error(String line) {
        return assertThrows(CommandSyntaxException.class, () -> f.pcs(line)).getMessage();
    }

    // ------------------------------------------------------------------ property

    @Test
    void propertySetAndUnset() {
        f.run("pcs property set stonith-enabled=false no-quorum-policy=ignore");
        assertEquals("false", conf().properties().values().get("stonith-enabled"));
        assertEquals("ignore", conf().properties().values().get("no-quorum-policy"));
        f.run("pcs property unset no-quorum-policy");
        assertNull(conf().properties().values().get("no-quorum-policy"));
        f.run("pcs property set stonith-enabled=");
        assertNull(conf().properties().values().get("stonith-enabled"), "NAME= unsets, as in pcs");
    }

    @Test
    void propertyTypoIsRejectedWithTheNearestName() {
        assertEquals(String.join("\n",
                "unknown property 'stonith-enable' — did you mean 'stonith-enabled'?",
                "  pcs property set stonith-enable=false",
                "                   ^^^^^^^^^^^^^^^^^^^^"), error("pcs property set stonith-enable=false"));
    }

    @Test
    void propertyShowIsAReadingCommandWithJson() {
        PcsRequest.Show s = assertInstanceOf(PcsRequest.Show.class, f.pcs("pcs property config --output-as json"));
        assertEquals(What.PROPERTIES, s.what());
        assertEquals(OutputFormat.JSON, s.format());
    }

    // ------------------------------------------------------------------ resource create

    @Test
    void resourceCreateWithParamsOpsAndMeta() {
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=192.168.1.100 cidr_netmask=24 op monitor "
                + "interval=30s timeout=20s op start timeout=40s meta resource-stickiness=50 migration-threshold=3");
        Primitive p = primitive("vip");
        assertEquals("ocf:heartbeat:IPaddr2", p.agent());
        assertEquals(Map.of("ip", "192.168.1.100", "cidr_netmask", "24"), p.instanceAttributes().unconditional());
        assertEquals(Map.of("resource-stickiness", "50", "migration-threshold", "3"), p.meta());
        assertEquals(List.of("vip-monitor-interval-30s", "vip-start-interval-0s"),
                p.operations().stream().map(Operation::id).toList());
        assertEquals("20s", p.operations().get(0).timeout());
    }

    @Test
    void resourceCreateAddsTheAgentsMonitorAndResolvesShortNames() {
        f.run("pcs resource create fs Filesystem device=/dev/sdb1 directory=/mnt fstype=ext4");
        Primitive p = primitive("fs");
        assertEquals("ocf:heartbeat:Filesystem", p.agent());
        assertEquals("20s", p.operations().get(0).interval(), "the monitor the agent advises");
        f.run("pcs resource create d1 ocf:pacemaker:Dummy --no-default-ops");
        assertTrue(primitive("d1").operations().isEmpty());
        f.run("pcs resource create off ocf:pacemaker:Dummy --disabled");
        assertEquals("Stopped", primitive("off").meta().get("target-role"));
    }

    @Test
    void resourceCreateWithGroupBeforeAndAfter() {
        f.run("pcs resource create a ocf:pacemaker:Dummy --group g");
        f.run("pcs resource create c ocf:pacemaker:Dummy --group g");
        f.run("pcs resource create b ocf:pacemaker:Dummy --group g --before c");
        f.run("pcs resource create z ocf:pacemaker:Dummy --group g --after a");
        Group g = (Group) conf().resource("g").orElseThrow();
        assertEquals(List.of("a", "z", "b", "c"), g.members().stream().map(Primitive::id).toList());
    }

    @Test
    void resourceCreateAsCloneAndPromotable() {
        f.run("pcs resource create ping ocf:pacemaker:ping host_list=10.0.0.1 clone interleave=true");
        Clone c = (Clone) conf().resource("ping-clone").orElseThrow();
        assertEquals("ping", c.child().id());
        assertEquals("true", c.meta().get("interleave"));
        assertFalse(c.isPromotable());
        f.run("pcs resource create drbd ocf:linbit:drbd drbd_resource=r0 promotable promoted-max=1 notify=true");
        Clone m = (Clone) conf().resource("drbd-clone").orElseThrow();
        assertTrue(m.isPromotable());
        assertEquals("1", m.meta().get("promoted-max"));
    }

    @Test
    void resourceCreateErrorsPointAtTheWord() {
        assertEquals(String.join("\n",
                "unknown option 'adress' of ocf:heartbeat:IPaddr2 (one of: ip, cidr_netmask, nic) (use --force to "
                        + "set it anyway)",
                "  pcs resource create vip ocf:heartbeat:IPaddr2 adress=10.0.0.1",
                "                                                ^^^^^^^^^^^^^^^"),
                error("pcs resource create vip ocf:heartbeat:IPaddr2 adress=10.0.0.1"));
        assertEquals(String.join("\n",
                "unknown meta option 'stickyness' — did you mean 'resource-stickiness'? (use --force to set it "
                        + "anyway)",
                "  pcs resource create d ocf:pacemaker:Dummy meta stickyness=100",
                "                                                 ^^^^^^^^^^^^^^"),
                error("pcs resource create d ocf:pacemaker:Dummy meta stickyness=100"));
        assertEquals(String.join("\n",
                "agent 'ocf:heartbeat:IPadr2' is not installed — did you mean 'ocf:heartbeat:IPaddr2'? (see 'pcs "
                        + "resource agents'; --force to use it anyway)",
                "  pcs resource create vip ocf:heartbeat:IPadr2 ip=10.0.0.1",
                "                          ^^^^^^^^^^^^^^^^^^^^"),
                error("pcs resource create vip ocf:heartbeat:IPadr2 ip=10.0.0.1"));
        assertEquals(String.join("\n",
                "required option 'ip' of ocf:heartbeat:IPaddr2 is missing (add ip=VALUE, or use --force)",
                "  pcs resource create vip ocf:heartbeat:IPaddr2 cidr_netmask=24",
                "                          ^^^^^^^^^^^^^^^^^^^^^"),
                error("pcs resource create vip ocf:heartbeat:IPaddr2 cidr_netmask=24"));
        assertEquals(String.join("\n",
                "unknown operation action 'monitr' — did you mean 'monitor'?",
                "  pcs resource create d ocf:pacemaker:Dummy op monitr interval=10s",
                "                                               ^^^^^^"),
                error("pcs resource create d ocf:pacemaker:Dummy op monitr interval=10s"));
        assertEquals(String.join("\n",
                "missing agent (e.g. ocf:heartbeat:IPaddr2)",
                "  pcs resource create d",
                "                        ^"), error("pcs resource create d"));
        f.run("pcs resource create d ocf:pacemaker:Dummy");
        assertEquals(String.join("\n",
                "'d' already exists",
                "  pcs resource create d ocf:pacemaker:Dummy",
                "                      ^"), error("pcs resource create d ocf:pacemaker:Dummy"));
        assertEquals(String.join("\n",
                "unknown resource command 'creat' — did you mean 'create'?",
                "  pcs resource creat x ocf:pacemaker:Dummy",
                "               ^^^^^"), error("pcs resource creat x ocf:pacemaker:Dummy"));
        assertEquals(String.join("\n",
                "unknown option '--grop' — did you mean '--group'?",
                "  pcs resource create x ocf:pacemaker:Dummy --grop g",
                "                                            ^^^^^^"),
                error("pcs resource create x ocf:pacemaker:Dummy --grop g"));
    }

    // ------------------------------------------------------------------ group, clone

    @Test
    void groupAddMovesResourcesInOrderAndGroupRemoveTakesThemOut() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs resource create b ocf:pacemaker:Dummy");
        f.run("pcs resource create c ocf:pacemaker:Dummy");
        f.run("pcs resource group add g a b c");
        assertEquals(List.of("g"), conf().resources().stream().map(r -> r.id()).toList());
        assertEquals(List.of("a", "b", "c"), ((Group) conf().resource("g").orElseThrow()).members().stream()
                .map(Primitive::id).toList());
        f.run("pcs resource group remove g b");
        assertEquals(List.of("g", "b"), conf().resources().stream().map(r -> r.id()).toList());
        f.run("pcs resource group add g2 c");
        assertEquals(List.of("a"), ((Group) conf().resource("g").orElseThrow()).members().stream()
                .map(Primitive::id).toList());
        f.run("pcs resource ungroup g");
        assertTrue(conf().resource("g").isEmpty(), "an emptied group is deleted, as pcs does");
        assertTrue(conf().resources().stream().anyMatch(r -> r.id().equals("a")));
    }

    @Test
    void groupAddOfAMissingResourceChangesNothing() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        var before = f.cib();
        assertEquals(String.join("\n",
                "resource 'bb' does not exist (one of: a)",
                "  pcs resource group add g a bb",
                "                             ^^"), error("pcs resource group add g a bb"));
        assertEquals(before, f.cib());
    }

    @Test
    void cloneAndPromotableOfAnExistingResource() {
        f.run("pcs resource create ping ocf:pacemaker:ping host_list=10.0.0.1");
        f.run("pcs resource clone ping clone-max=2 interleave=true");
        Clone c = (Clone) conf().resource("ping-clone").orElseThrow();
        assertEquals("2", c.meta().get("clone-max"));
        f.run("pcs resource create drbd ocf:linbit:drbd drbd_resource=r0");
        f.run("pcs resource promotable drbd promoted-max=1");
        assertTrue(((Clone) conf().resource("drbd-clone").orElseThrow()).isPromotable());
        assertEquals(String.join("\n",
                "'ping-clone' is already a clone",
                "  pcs resource clone ping-clone",
                "                     ^^^^^^^^^^"), error("pcs resource clone ping-clone"));
        f.run("pcs resource unclone ping-clone");
        assertTrue(conf().resource("ping-clone").isEmpty());
        assertInstanceOf(Primitive.class, conf().resource("ping").orElseThrow());
    }

    // ------------------------------------------------------------------ defaults, update, meta

    @Test
    void resourceDefaultsAndOpDefaults() {
        f.run("pcs resource defaults resource-stickiness=100");
        f.run("pcs resource defaults update migration-threshold=3");
        f.run("pcs resource op defaults timeout=30s");
        assertEquals(Map.of("resource-stickiness", "100", "migration-threshold", "3"),
                conf().rscDefaults().unconditional());
        assertEquals(Map.of("timeout", "30s"), conf().opDefaults().unconditional());
        f.run("pcs resource defaults migration-threshold=");
        assertEquals(Map.of("resource-stickiness", "100"), conf().rscDefaults().unconditional());
        assertEquals(What.RESOURCE_DEFAULTS, ((PcsRequest.Show) f.pcs("pcs resource defaults")).what());
        assertEquals(What.OP_DEFAULTS, ((PcsRequest.Show) f.pcs("pcs resource op defaults --output-as json")).what());
    }

    @Test
    void theIssuesExampleTypoInDefaults() {
        assertEquals(String.join("\n",
                "unknown option 'stickyness' — did you mean 'resource-stickiness'? (use --force to set it anyway)",
                "  pcs resource defaults stickyness=100",
                "                        ^^^^^^^^^^^^^^"), error("pcs resource defaults stickyness=100"));
    }

    @Test
    void resourceUpdateAndMeta() {
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.1 op monitor interval=10s");
        f.run("pcs resource update vip ip=10.0.0.2 cidr_netmask=24 op monitor interval=20s meta priority=5");
        Primitive p = primitive("vip");
        assertEquals(Map.of("ip", "10.0.0.2", "cidr_netmask", "24"), p.instanceAttributes().unconditional());
        assertEquals(List.of("vip-monitor-interval-20s"), p.operations().stream().map(Operation::id).toList());
        assertEquals("5", p.meta().get("priority"));
        f.run("pcs resource meta vip priority= failure-timeout=60s");
        assertEquals(Map.of("failure-timeout", "60s"), primitive("vip").meta());
    }

    @Test
    void anInvalidValueRejectsTheWholeCommand() {
        f.run("pcs resource create d ocf:pacemaker:Dummy");
        PcsRequest.Change c = (PcsRequest.Change) f.pcs("pcs resource meta d priority=5 target-role=Promoted");
        assertEquals(2, c.changes().size());
        var before = f.cib();
        assertThrows(Exception.class, () -> f.apply(c.changes()));
        assertEquals(before, f.cib(), "the valid first change was not applied either");
        assertFalse(primitive("d").meta().containsKey("priority"));
    }

    // ------------------------------------------------------------------ enable ... restart

    @Test
    void enableDisable() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs resource create b ocf:pacemaker:Dummy");
        f.run("pcs resource disable a b");
        assertEquals("Stopped", primitive("a").meta().get("target-role"));
        assertEquals("Stopped", primitive("b").meta().get("target-role"));
        f.run("pcs resource enable a");
        assertNull(primitive("a").meta().get("target-role"));
    }

    @Test
    void moveBanClear() {
        f.run("pcs resource create d ocf:pacemaker:Dummy");
        f.run("pcs resource move d n2");
        LocationConstraint prefer = (LocationConstraint) conf().constraints().get(0);
        assertEquals("cli-prefer-d", prefer.id());
        assertEquals("n2", prefer.node());
        assertEquals(Score.INFINITY, prefer.score());
        f.run("pcs resource move d n3");
        assertEquals(1, conf().constraints().size(), "a second move replaces the first");
        f.run("pcs resource ban d n1 lifetime=PT1H");
        LocationConstraint ban = (LocationConstraint) conf().constraints().get(1);
        assertEquals("cli-ban-d-on-n1", ban.id());
        Rule r = ban.rules().get(0);
        assertEquals(Score.MINUS_INFINITY, r.score());
        assertEquals(new Expression("cli-ban-rule-d-on-n1-expr", "#uname", "eq", "n1", "string", null),
                r.conditions().get(0));
        assertEquals("2026-01-01 13:00:00 +00:00", ((DateExpression) r.conditions().get(1)).end());
        PcsRequest.Change c = f.run("pcs resource clear d");
        assertTrue(conf().constraints().isEmpty());
        assertEquals("Removing constraints: cli-prefer-d, cli-ban-d-on-n1", c.done());
        assertInstanceOf(PcsRequest.Nothing.class, f.pcs("pcs resource clear d"));
    }

    @Test
    void moveWithoutNodeBansTheCurrentNode() {
        f.run("pcs resource create d ocf:pacemaker:Dummy");
        assertEquals(String.join("\n",
                "resource 'd' is not running: name the node to move it to",
                "  pcs resource move d",
                "                      ^"), error("pcs resource move d"));
        f.online("n1");
        f.ran("n1", "d", "ocf:pacemaker:Dummy", "start", 0);
        f.run("pcs resource move d");
        assertEquals("cli-ban-d-on-n1", conf().constraints().get(0).id());
        assertEquals(String.join("\n",
                "node 'n9' is not in the cluster — did you mean 'n1'?",
                "  pcs resource ban d n9",
                "                     ^^"), error("pcs resource ban d n9"));
    }

    @Test
    void cleanupRefreshRestart() {
        f.run("pcs resource create d ocf:pacemaker:Dummy");
        f.online("n1");
        f.ran("n1", "d", "ocf:pacemaker:Dummy", "start", 0);
        assertInstanceOf(PcsRequest.Nothing.class, f.pcs("pcs resource cleanup d"), "nothing failed");
        PcsRequest.Change refresh = (PcsRequest.Change) f.pcs("pcs resource refresh d node=n1");
        assertEquals(List.of(new CibChange.DeleteOperationHistory("n1", "d", null)), refresh.changes());
        f.apply(List.of(new CibChange.SetTransientAttribute("n1", "fail-count-d#monitor_10000", "1")));
        PcsRequest.Change cleanup = f.run("pcs resource cleanup d");
        assertEquals("Cleaned up d on all nodes", cleanup.done());
        assertTrue(f.cib().status().nodeByName("n1").orElseThrow().failCounts().isEmpty());
        PcsRequest.Restart r = assertInstanceOf(PcsRequest.Restart.class, f.pcs("pcs resource restart d --wait=30"));
        assertEquals(new PcsRequest.Restart("d", null, 30), r);
    }

    @Test
    void describeAgentsStatusConfig() {
        assertEquals(new PcsRequest.Show(What.DESCRIBE, "ocf:heartbeat:IPaddr2", OutputFormat.TEXT),
                f.pcs("pcs resource describe IPaddr2"));
        assertEquals(new PcsRequest.Show(What.AGENTS, "ocf:pacemaker", OutputFormat.JSON),
                f.pcs("pcs resource agents ocf:pacemaker --output-as json"));
        assertEquals(String.join("\n",
                "no installed agents of 'ocf:hearbeat' — did you mean 'ocf:heartbeat'?",
                "  pcs resource agents ocf:hearbeat",
                "                      ^^^^^^^^^^^^"), error("pcs resource agents ocf:hearbeat"));
        assertEquals(What.RESOURCE_STATUS, ((PcsRequest.Show) f.pcs("pcs resource status")).what());
        assertEquals(What.RESOURCE_STATUS, ((PcsRequest.Show) f.pcs("pcs resource")).what());
        assertEquals(new PcsRequest.Show(What.STATUS, null, OutputFormat.TEXT), f.pcs("pcs status"));
        assertEquals(new PcsRequest.Show(What.STATUS_FULL, null, OutputFormat.JSON),
                f.pcs("pcs status --full --output-as json"));
        assertEquals(new PcsRequest.Show(What.CONFIG, null, OutputFormat.TEXT), f.pcs("pcs config"));
        assertEquals(new PcsRequest.Show(What.QUORUM, null, OutputFormat.TEXT), f.pcs("pcs quorum status"));
        assertEquals(String.join("\n",
                "unsupported output format 'yaml' (one of: text, json)",
                "  pcs status --output-as yaml",
                "                         ^^^^"), error("pcs status --output-as yaml"));
    }

    // ------------------------------------------------------------------ constraints

    @Test
    void locationPrefersAvoids() {
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.1");
        f.run("pcs constraint location vip prefers n1=100 n2");
        f.run("pcs constraint location vip avoids n3");
        List<String> ids = conf().constraints().stream().map(c -> c.id()).toList();
        assertEquals(List.of("location-vip-n1-100", "location-vip-n2-INFINITY", "location-vip-n3--INFINITY"), ids);
        assertEquals(Score.of(100), ((LocationConstraint) conf().constraints().get(0)).score());
        assertEquals(Score.MINUS_INFINITY, ((LocationConstraint) conf().constraints().get(2)).score());
        f.run("pcs constraint location vip prefers n1=50");
        assertEquals(3, conf().constraints().size(), "a new score for the same node replaces the old one");
        assertEquals(String.join("\n",
                "unknown location keyword 'prefer' — did you mean 'prefers'?",
                "  pcs constraint location vip prefer n1",
                "                              ^^^^^^"), error("pcs constraint location vip prefer n1"));
        assertEquals(String.join("\n",
                "'high' is not a score (an integer, INFINITY or -INFINITY)",
                "  pcs constraint location vip prefers n1=high",
                "                                      ^^^^^^^"), error("pcs constraint location vip prefers n1=high"));
    }

    @Test
    void locationRuleOfSeed001() {
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.1");
        f.run("pcs constraint location vip rule score=-INFINITY not_defined pingd or pingd lte 0");
        LocationConstraint l = (LocationConstraint) conf().constraints().get(0);
        assertEquals("location-vip", l.id());
        Rule r = l.rules().get(0);
        assertEquals("location-vip-rule", r.id());
        assertEquals("or", r.booleanOp());
        assertEquals(Score.MINUS_INFINITY, r.score());
        assertEquals(List.of(new Expression("location-vip-rule-expr", "pingd", "not_defined", null, null, null),
                new Expression("location-vip-rule-expr-1", "pingd", "lte", "0", null, null)), r.conditions());
        f.run("pcs constraint location vip rule constraint-id=vip-day date-spec hours=9-16 and #uname eq n1");
        Rule day = ((LocationConstraint) conf().constraints().get(1)).rules().get(0);
        assertEquals("and", day.booleanOp());
        assertEquals(Score.INFINITY, day.score());
        assertEquals(String.join("\n",
                "unknown operation 'lessthan' (one of: lt, gt, lte, gte, eq, ne)",
                "  pcs constraint location vip rule pingd lessthan 0",
                "                                         ^^^^^^^^"),
                error("pcs constraint location vip rule pingd lessthan 0"));
    }

    @Test
    void colocationWithRolesAndScores() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs resource create ping ocf:pacemaker:ping host_list=10.0.0.1 clone");
        f.run("pcs resource create drbd ocf:linbit:drbd drbd_resource=r0 promotable");
        f.run("pcs constraint colocation add a with ping-clone score=INFINITY");
        f.run("pcs constraint colocation add a with Promoted drbd-clone 500");
        ColocationConstraint c1 = (ColocationConstraint) conf().constraints().get(0);
        assertEquals("colocation-a-ping-clone-INFINITY", c1.id());
        assertEquals(Score.INFINITY, c1.score());
        ColocationConstraint c2 = (ColocationConstraint) conf().constraints().get(1);
        assertEquals("Promoted", c2.withRscRole());
        assertEquals(Score.of(500), c2.score());
        assertEquals(String.join("\n",
                "'ping' is cloned: constrain the clone 'ping-clone' instead (or use --force)",
                "  pcs constraint colocation add a with ping",
                "                                       ^^^^"), error("pcs constraint colocation add a with ping"));
        assertEquals(String.join("\n",
                "expected 'with', got 'width'",
                "  pcs constraint colocation add a width ping-clone",
                "                                  ^^^^^"), error("pcs constraint colocation add a width ping-clone"));
    }

    @Test
    void orderWithActionsAndKind() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs resource create drbd ocf:linbit:drbd drbd_resource=r0 promotable");
        f.run("pcs constraint order promote drbd-clone then start a kind=Optional");
        OrderConstraint o = (OrderConstraint) conf().constraints().get(0);
        assertEquals("order-drbd-clone-a-optional", o.id());
        assertEquals("promote", o.firstAction());
        assertEquals("start", o.thenAction());
        assertEquals("Optional", o.kind());
        f.run("pcs constraint order a then drbd-clone symmetrical=false");
        assertEquals("false", ((OrderConstraint) conf().constraints().get(1)).symmetrical());
        assertEquals(String.join("\n",
                "unknown kind 'Mandatry' — did you mean 'Mandatory'?",
                "  pcs constraint order a then drbd-clone kind=Mandatry",
                "                                         ^^^^^^^^^^^^^"),
                error("pcs constraint order a then drbd-clone kind=Mandatry"));
        assertEquals(String.join("\n",
                "missing 'then' (pcs constraint order [ACTION] A then [ACTION] B)",
                "  pcs constraint order a",
                "                         ^"), error("pcs constraint order a"));
    }

    @Test
    void constraintListAndRemove() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs constraint location a prefers n1");
        assertEquals(new PcsRequest.Show(What.CONSTRAINTS, null, OutputFormat.TEXT), f.pcs("pcs constraint"));
        assertEquals(new PcsRequest.Show(What.CONSTRAINTS_FULL, null, OutputFormat.TEXT),
                f.pcs("pcs constraint list --full"));
        assertEquals(new PcsRequest.Show(What.CONSTRAINTS, null, OutputFormat.JSON),
                f.pcs("pcs constraint --output-as json"));
        assertEquals(String.join("\n",
                "constraint 'location-a-n1' does not exist — did you mean 'location-a-n1-INFINITY'?",
                "  pcs constraint remove location-a-n1",
                "                        ^^^^^^^^^^^^^"), error("pcs constraint remove location-a-n1"));
        f.run("pcs constraint remove location-a-n1-INFINITY");
        assertTrue(conf().constraints().isEmpty());
    }

    @Test
    void lessCommonConstraintForms() {
        f.run("pcs resource create a ocf:pacemaker:Dummy");
        f.run("pcs resource create b ocf:pacemaker:Dummy");
        f.run("pcs constraint location add loc1 a n2 200 resource-discovery=never");
        LocationConstraint l = (LocationConstraint) conf().constraints().get(0);
        assertEquals(new LocationConstraint("loc1", "a", null, null, "n2", Score.of(200), "never", Map.of(),
                List.of(), List.of()), l);
        f.run("pcs constraint colocation add Started a with b -100 id=apart");
        assertEquals("apart", conf().constraints().get(1).id());
        assertEquals("Started", ((ColocationConstraint) conf().constraints().get(1)).rscRole());
        f.run("pcs constraint order stop a then stop b");
        f.run("pcs constraint colocation remove a b");
        f.run("pcs constraint order remove a");
        assertEquals(List.of("loc1"), conf().constraints().stream().map(c -> c.id()).toList());
        assertEquals(new PcsRequest.Show(What.CONSTRAINTS, "a", OutputFormat.TEXT), f.pcs("pcs constraint ref a"));
        assertEquals(new PcsRequest.Show(What.RESOURCE_STATUS, "a", OutputFormat.JSON),
                f.pcs("pcs resource status a --output-as=json"));
        assertEquals(new PcsRequest.Show(What.NODE_ATTRIBUTES, "n1\u0000rack", OutputFormat.TEXT),
                f.pcs("pcs node attribute n1 --name rack"));
    }

    // ------------------------------------------------------------------ stonith, node, quorum

    @Test
    void stonithCreateLevelFenceHistory() {
        f.run("pcs stonith create fence1 fence_vigil_process pid_dir=/tmp/x pcmk_host_list=n1,n2,n3");
        Primitive p = primitive("fence1");
        assertEquals("stonith:fence_vigil_process", p.agent());
        assertEquals("60s", p.operations().get(0).interval());
        f.run("pcs stonith create fence2 stonith:fence_vigil_process pcmk_delay_max=2s");
        assertEquals("2s", primitive("fence2").instanceAttributes().unconditional().get("pcmk_delay_max"),
                "the fencer's pcmk_* options are valid on every device, declared by its agent or not");
        f.run("pcs stonith level add 1 n1 fence1,fence2");
        f.run("pcs stonith level add 2 n1 fence2");
        assertEquals(List.of(new FencingLevel("fl-n1-1", "n1", null, null, null, "1", List.of("fence1", "fence2")),
                new FencingLevel("fl-n1-2", "n1", null, null, null, "2", List.of("fence2"))),
                conf().fencingTopology());
        assertEquals(String.join("\n",
                "stonith device 'fence3' does not exist — did you mean 'fence1'?",
                "  pcs stonith level add 1 n2 fence3",
                "                             ^^^^^^"), error("pcs stonith level add 1 n2 fence3"));
        f.run("pcs stonith disable fence2");
        assertEquals("Stopped", primitive("fence2").meta().get("target-role"), "read as pcs resource disable");
        f.run("pcs stonith level remove 2 n1");
        assertEquals(1, conf().fencingTopology().size());
        assertEquals(new PcsRequest.Fence("n2", false), f.pcs("pcs stonith fence n2"));
        assertEquals(new PcsRequest.Fence("n2", true), f.pcs("pcs stonith fence n2 --off"));
        assertEquals(new PcsRequest.Show(What.STONITH_HISTORY, null, OutputFormat.TEXT), f.pcs("pcs stonith history"));
        assertEquals(new PcsRequest.Show(What.STONITH_HISTORY, "n1", OutputFormat.TEXT),
                f.pcs("pcs stonith history show n1"));
    }

    @Test
    void nodeStandbyMaintenanceAttribute() {
        f.run("pcs node standby n2");
        assertEquals("on", conf().nodeByName("n2").orElseThrow().instanceAttributes().unconditional().get("standby"));
        f.run("pcs node unstandby n2");
        assertNull(conf().nodeByName("n2").orElseThrow().instanceAttributes().unconditional().get("standby"));
        f.run("pcs node standby");
        assertTrue(conf().nodeByName("n1").orElseThrow().isStandby(), "without a node: this node");
        f.run("pcs node maintenance --all");
        assertEquals("on", conf().nodeByName("n3").orElseThrow().instanceAttributes().unconditional()
                .get("maintenance"));
        f.run("pcs node unmaintenance n3");
        f.run("pcs node attribute n1 rack=2 pingd=100");
        assertEquals("2", conf().nodeByName("n1").orElseThrow().instanceAttributes().unconditional().get("rack"));
        f.run("pcs node attribute n1 rack=");
        assertNull(conf().nodeByName("n1").orElseThrow().instanceAttributes().unconditional().get("rack"));
        assertEquals(new PcsRequest.Show(What.NODE_ATTRIBUTES, null, OutputFormat.TEXT), f.pcs("pcs node attribute"));
        assertEquals(String.join("\n",
                "unknown node command 'standbye' — did you mean 'standby'?",
                "  pcs node standbye n1",
                "           ^^^^^^^^"), error("pcs node standbye n1"));
    }

    @Test
    void unknownTopLevelCommand() {
        assertEquals(String.join("\n",
                "unknown command 'resorce' — did you mean 'resource'?",
                "  pcs resorce create d ocf:pacemaker:Dummy",
                "      ^^^^^^^"), error("pcs resorce create d ocf:pacemaker:Dummy"));
        assertInstanceOf(PcsRequest.Text.class, f.pcs("pcs"));
        assertTrue(((PcsRequest.Text) f.pcs("pcs resource --help")).text().contains("pcs resource create"));
    }

    @Test
    void theItestsCommandsStayValid() {
        f.run("pcs stonith create fence1 fence_vigil_process pid_dir=/tmp/d pcmk_host_list=n1,n2,n3");
        f.run("pcs property set stonith-enabled=true");
        f.run("pcs resource create fast ocf:pacemaker:Dummy op monitor interval=1s");
        f.run("pcs resource create d2 ocf:pacemaker:Dummy op monitor interval=1s meta migration-threshold=1");
        f.run("pcs node standby n1");
        f.run("pcs node unstandby n1");
        f.run("pcs resource move fast n3");
        f.run("pcs resource clear fast");
        assertInstanceOf(PcsRequest.Nothing.class, f.pcs("pcs resource cleanup d2"));
        assertInstanceOf(PcsRequest.Show.class, f.pcs("pcs stonith history"));
    }
}
