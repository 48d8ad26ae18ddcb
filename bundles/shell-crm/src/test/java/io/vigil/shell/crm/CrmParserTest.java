package io.vigil.shell.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vigil.cib.model.Score;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.ConfigureCommand.Condition;
import io.vigil.shell.crm.command.ConfigureCommand.RuleSpec;
import io.vigil.shell.crm.command.ConfigureCommand.Section;
import io.vigil.shell.crm.command.CrmCommand;
import io.vigil.shell.crm.command.NodeCommand;
import io.vigil.shell.crm.command.RaCommand;
import io.vigil.shell.crm.command.ResourceCommand;
import io.vigil.shell.crm.syntax.CrmParser;
import io.vigil.shell.crm.syntax.CrmSyntaxException;

/** crmsh's line syntax → typed commands, and the exact errors for malformed lines. */
class CrmParserTest {

    private static CrmCommand parse(String line) {
        return CrmParser.parseLine(line);
    }

    private static String error(String line) {
        return assertThrows(CrmSyntaxException.class, () -> parse(line)).getMessage();
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- configure: resources

    @Test
    void primitiveWithParamsMetaUtilizationAndOps() {
        assertEquals(new ConfigureCommand.Primitive("vip", "ocf", "heartbeat", "IPaddr2", "the VIP",
                map("ip", "192.168.1.60", "cidr_netmask", "24", "nic", "bond1"), map("target-role", "Stopped"),
                map("cpu", "1"), List.of(new ConfigureCommand.Op("monitor", map("interval", "10s", "timeout", "20s")),
                        new ConfigureCommand.Op("start", map("timeout", "1m")),
                        new ConfigureCommand.Op("stop", map("timeout", "20")))),
                parse("configure primitive vip ocf:heartbeat:IPaddr2 description=\"the VIP\" params ip=192.168.1.60"
                        + " cidr_netmask=24 nic=\"bond1\" meta target-role=Stopped utilization cpu=1"
                        + " op monitor interval=10s timeout=20s op start timeout=1m op stop timeout=20"));
    }

    @Test
    void agentForms() {
        assertEquals(new ConfigureCommand.Primitive("web", "lsb", null, "apache2", null, Map.of(), Map.of(), Map.of(),
                List.of()), parse("configure primitive web lsb:apache2"));
        assertEquals(new ConfigureCommand.Primitive("fence1", "stonith", null, "fence_vigil", null,
                map("pcmk_host_list", "n1 n2"), Map.of(), Map.of(), List.of()),
                parse("configure primitive fence1 stonith:fence_vigil params pcmk_host_list='n1 n2'"));
        assertEquals(new ConfigureCommand.Primitive("d", "ocf", "heartbeat", "Dummy", null, Map.of(), Map.of(),
                Map.of(), List.of()), parse("configure primitive d Dummy"), "a bare type is ocf:heartbeat:TYPE");
    }

    @Test
    void opRoleOnFailAndCheckLevel() {
        ConfigureCommand.Primitive p = (ConfigureCommand.Primitive) parse("configure primitive db ocf:linbit:drbd"
                + " params drbd_resource=r0 op monitor interval=29s role=Promoted op monitor interval=31s role=Unpromoted"
                + " on-fail=restart OCF_CHECK_LEVEL=10");
        assertEquals(List.of(new ConfigureCommand.Op("monitor", map("interval", "29s", "role", "Promoted")),
                new ConfigureCommand.Op("monitor", map("interval", "31s", "role", "Unpromoted", "on-fail", "restart",
                        "OCF_CHECK_LEVEL", "10"))), p.ops());
    }

    @Test
    void groupCloneAndMs() {
        assertEquals(new ConfigureCommand.Group("web", List.of("fs", "ip", "svc"), null, Map.of(),
                map("target-role", "Started")), parse("configure group web fs ip svc meta target-role=Started"));
        assertEquals(new ConfigureCommand.Clone("cloned-ping-gateway", "ping-gateway", false, null, Map.of(),
                Map.of()), parse("configure clone cloned-ping-gateway ping-gateway"));
        assertEquals(new ConfigureCommand.Clone("ms-drbd", "drbd", true, null, Map.of(),
                map("promoted-max", "1", "notify", "true")),
                parse("configure ms ms-drbd drbd meta promoted-max=1 notify=true"));
    }

    // ---- configure: constraints

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inf:|1000000", "+inf:|1000000", "-inf:|-1000000", "INFINITY:|1000000", "-INFINITY:|-1000000",
        "100:|100", "-50:|-50", "0:|0"})
    void locationScores(String score, int value) {
        assertEquals(new ConfigureCommand.Location("l", "vip", null, Score.of(value), "vm-node1", List.of(), null),
                parse("configure location l vip " + score + " vm-node1"));
    }

    @Test
    void scoreWithTheColonApartAsTheSeedWritesIt() {
        assertEquals(new ConfigureCommand.Location("preferred-node", "vip", null, Score.of(100), "vm-node1",
                List.of(), null), parse("configure location preferred-node vip 100 : vm-node1"));
        assertEquals(new ConfigureCommand.Colocation("httpd-with-vip", Score.INFINITY, "httpd", null, "vip", null,
                null), parse("configure colocation httpd-with-vip inf : httpd vip"));
    }

    @Test
    void locationRoleAndDiscovery() {
        assertEquals(new ConfigureCommand.Location("l", "db", "Promoted", Score.of(50), "n1", List.of(), "exclusive"),
                parse("configure location l db role=Promoted 50: n1 resource-discovery=exclusive"));
    }

    @Test
    void seedRuleNotDefinedOrLte() {
        assertEquals(new ConfigureCommand.Location("vip-needs-gateway", "vip", null, null, null, List.of(
                new RuleSpec("vip-needs-gateway-rule", null, Score.MINUS_INFINITY, null, "or", List.of(
                        new Condition("pingd", "not_defined", null, null), new Condition("pingd", "lte", "0", null)))),
                null), parse("configure location vip-needs-gateway vip rule -inf: not_defined pingd or pingd lte 0"));
    }

    @Test
    void ruleWithIdRoleAndUnameAndTypes() {
        ConfigureCommand.Location l = (ConfigureCommand.Location) parse("configure location l db rule $id=r1"
                + " $role=Master 100: '#uname' eq n1 and defined pingd and pingd number:gte 1000"
                + " rule pingd: defined pingd rule -inf: a lt 1 rule 5: b gt 2 rule 6: c ne x rule 7: v version:lte 2.1");
        assertEquals(List.of(
                new RuleSpec("r1", "Master", Score.of(100), null, "and", List.of(new Condition("#uname", "eq", "n1", null),
                        new Condition("pingd", "defined", null, null), new Condition("pingd", "gte", "1000", "number"))),
                new RuleSpec("l-rule-1", null, null, "pingd", null, List.of(new Condition("pingd", "defined", null, null))),
                new RuleSpec("l-rule-2", null, Score.MINUS_INFINITY, null, null, List.of(new Condition("a", "lt", "1", null))),
                new RuleSpec("l-rule-3", null, Score.of(5), null, null, List.of(new Condition("b", "gt", "2", null))),
                new RuleSpec("l-rule-4", null, Score.of(6), null, null, List.of(new Condition("c", "ne", "x", null))),
                new RuleSpec("l-rule-5", null, Score.of(7), null, null, List.of(new Condition("v", "lte", "2.1", "version")))),
                l.rules());
    }

    @Test
    void ruleIdWhoseDollarTheShellAte() {
        // Gogo expands "$id" (an unset variable) to nothing, leaving "=r1": read as $id=r1
        ConfigureCommand.Location l = (ConfigureCommand.Location) CrmParser.parse(List.of("configure", "location", "l",
                "vip", "rule", "=r1", "-inf:", "not_defined", "pingd"));
        assertEquals("r1", l.rules().get(0).id());
    }

    @Test
    void colocationWithRolesAndNodeAttribute() {
        assertEquals(new ConfigureCommand.Colocation("fs-on-drbd", Score.INFINITY, "fs", null, "ms-drbd", "Master",
                null), parse("configure colocation fs-on-drbd inf: fs ms-drbd:Master"));
        assertEquals(new ConfigureCommand.Colocation("apart", Score.of(-100), "a", "Started", "b", "Promoted", "rack"),
                parse("configure colocation apart -100: a:Started b:Promoted node-attribute=rack"));
    }

    @Test
    void orderKindsScoresActionsAndSymmetry() {
        assertEquals(new ConfigureCommand.Order("o1", "Mandatory", null, "drbd", "promote", "fs", "start", null),
                parse("configure order o1 Mandatory: drbd:promote fs:start"));
        assertEquals(new ConfigureCommand.Order("o2", null, Score.INFINITY, "fs", null, "mysql", null, null),
                parse("configure order o2 inf: fs mysql"));
        assertEquals(new ConfigureCommand.Order("o3", "Optional", null, "a", null, "b", "stop", "false"),
                parse("configure order o3 optional: a b:stop symmetrical=false"));
        assertEquals(new ConfigureCommand.Order("o4", "Serialize", null, "a", null, "b", null, null),
                parse("configure order o4 Serialize: a b"));
        assertEquals(new ConfigureCommand.Order("o5", null, null, "a", null, "b", null, null),
                parse("configure order o5 a b"));
        assertEquals(new ConfigureCommand.Order("o6", null, Score.ZERO, "a", "demote", "b", null, "true"),
                parse("configure order o6 0: a:demote b symmetrical=true"));
    }

    @Test
    void moreThanTwoResourcesMakeAResourceSet() {
        assertEquals(new ConfigureCommand.ColocationSet("stack", Score.INFINITY, List.of("vip", "mysql", "fs"), null,
                null), parse("configure colocation stack inf: vip mysql fs"));
        assertEquals(new ConfigureCommand.OrderSet("chain", "Mandatory", null, List.of("fs", "mysql", "vip"), "start",
                null), parse("configure order chain Mandatory: fs:start mysql:start vip:start"));
    }

    // ---- configure: options and the rest

    @Test
    void propertyAndDefaults() {
        assertEquals(new ConfigureCommand.NameValues(Section.PROPERTY, null, map("stonith-enabled", "false")),
                parse("configure property stonith-enabled=false"));
        assertEquals(new ConfigureCommand.NameValues(Section.PROPERTY, "cib-bootstrap-options",
                map("stonith-enabled", "false", "no-quorum-policy", "ignore")),
                parse("configure property $id=cib-bootstrap-options stonith-enabled=false no-quorum-policy=ignore"));
        assertEquals(new ConfigureCommand.NameValues(Section.PROPERTY, "cib-bootstrap-options", map("a", "b")),
                CrmParser.parse(List.of("configure", "property", "=cib-bootstrap-options", "a=b")),
                "what Gogo leaves of $id=…");
        assertEquals(new ConfigureCommand.NameValues(Section.PROPERTY, "cib-bootstrap-options", map("a", "b")),
                parse("configure property cib-bootstrap-options: a=b"), "show's own form");
        assertEquals(new ConfigureCommand.NameValues(Section.RSC_DEFAULTS, null, map("resource-stickiness", "100")),
                parse("configure rsc_defaults resource-stickiness=100"));
        assertEquals(new ConfigureCommand.NameValues(Section.OP_DEFAULTS, "op-options", map("timeout", "30s")),
                parse("configure op_defaults $id=op-options timeout=30s"));
    }

    @Test
    void showDeleteVerifyCommitLoadAndSession() {
        assertEquals(new ConfigureCommand.Show(List.of(), false), parse("configure show"));
        assertEquals(new ConfigureCommand.Show(List.of("vip", "httpd"), false), parse("configure show vip httpd"));
        assertEquals(new ConfigureCommand.Show(List.of("vip"), true), parse("configure show xml vip"));
        assertEquals(new ConfigureCommand.Delete(List.of("vip", "c1")), parse("configure delete vip c1"));
        assertEquals(new ConfigureCommand.Verify(), parse("configure verify"));
        assertEquals(new ConfigureCommand.Commit(), parse("configure commit"));
        assertEquals(new ConfigureCommand.Load("update", "/tmp/x.crm"), parse("configure load update /tmp/x.crm"));
        assertEquals(new ConfigureCommand.OpenSession(), parse("configure"));
        assertEquals(new CrmCommand.Script("/tmp/s.crm"), parse("-f /tmp/s.crm"));
        assertEquals(new CrmCommand.Help(null), parse(""));
    }

    // ---- resource, node, ra

    @Test
    void resourceActions() {
        assertEquals(new ResourceCommand(ResourceCommand.Action.CLEANUP, "httpd", null, null),
                parse("resource cleanup httpd"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.CLEANUP, "httpd", "n1", null),
                parse("resource cleanup httpd n1"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.CLEANUP, null, null, null), parse("resource cleanup"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.MOVE, "vip", "n2", null), parse("resource move vip n2"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.MOVE, "vip", "n2", "PT5M"),
                parse("resource migrate vip n2 PT5M"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.BAN, "vip", "n1", null), parse("resource ban vip n1"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.BAN, "vip", null, null), parse("resource ban vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.BAN, "vip", null, null), parse("resource move vip"),
                "move without a node: away from where it runs");
        assertEquals(new ResourceCommand(ResourceCommand.Action.CLEAR, "vip", null, null), parse("resource clear vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.CLEAR, "vip", null, null), parse("resource unmove vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.START, "vip", null, null), parse("resource start vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.STOP, "vip", null, null), parse("resource stop vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.STATUS, null, null, null), parse("resource status"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.STATUS, "vip", null, null), parse("resource status vip"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.FAILCOUNT_SHOW, "httpd", "n1", null),
                parse("resource failcount httpd show n1"));
        assertEquals(new ResourceCommand(ResourceCommand.Action.FAILCOUNT_DELETE, "httpd", "n1", null),
                parse("resource failcount httpd delete n1"));
    }

    @Test
    void nodeAndRa() {
        assertEquals(new NodeCommand(NodeCommand.Action.STANDBY, "n1", null, null), parse("node standby n1"));
        assertEquals(new NodeCommand(NodeCommand.Action.ONLINE, "n1", null, null), parse("node online n1"));
        assertEquals(new NodeCommand(NodeCommand.Action.ATTRIBUTE_SET, "n1", "rack", "2"),
                parse("node attribute n1 set rack 2"));
        assertEquals(new NodeCommand(NodeCommand.Action.ATTRIBUTE_DELETE, "n1", "rack", null),
                parse("node attribute n1 delete rack"));
        assertEquals(new NodeCommand(NodeCommand.Action.ATTRIBUTE_SHOW, "n1", "rack", null),
                parse("node attribute n1 show rack"));
        assertEquals(new RaCommand(false, "ocf", null, null), parse("ra list ocf"));
        assertEquals(new RaCommand(false, "ocf", "pacemaker", null), parse("ra list ocf:pacemaker"));
        assertEquals(new RaCommand(true, "ocf", "heartbeat", "IPaddr2"), parse("ra info ocf:heartbeat:IPaddr2"));
        assertEquals(new RaCommand(true, "lsb", null, "apache2"), parse("ra info lsb:apache2"));
    }

    // ---- malformed input: the exact message, pointing at the token

    @Test
    void misspelledKeywordsSuggestTheNearestWord() {
        assertEquals("unknown keyword 'parms' in primitive vip — did you mean 'params'?\n"
                + "  crm configure primitive vip ocf:heartbeat:IPaddr2 parms ip=10.0.0.1\n"
                + "                                                    ^^^^^",
                error("configure primitive vip ocf:heartbeat:IPaddr2 parms ip=10.0.0.1"));
        assertEquals("unknown configure command 'primitiv' — did you mean 'primitive'?\n"
                + "  crm configure primitiv vip ocf:heartbeat:IPaddr2\n"
                + "                ^^^^^^^^", error("configure primitiv vip ocf:heartbeat:IPaddr2"));
        assertEquals("unknown operation 'monitr' in primitive vip — did you mean 'monitor'?\n"
                + "  crm configure primitive vip ocf:heartbeat:IPaddr2 op monitr interval=10s\n"
                + "                                                       ^^^^^^",
                error("configure primitive vip ocf:heartbeat:IPaddr2 op monitr interval=10s"));
        assertEquals("unknown attribute 'intervl' of op monitor in primitive vip — did you mean 'interval'?\n"
                + "  crm configure primitive vip Dummy op monitor intervl=10s\n"
                + "                                               ^^^^^^^^^^^",
                error("configure primitive vip Dummy op monitor intervl=10s"));
        assertEquals("unknown agent class 'ocg' in 'ocg:heartbeat:IPaddr2' — did you mean 'ocf'?\n"
                + "  crm configure primitive vip ocg:heartbeat:IPaddr2\n"
                + "                              ^^^^^^^^^^^^^^^^^^^^^", error("configure primitive vip ocg:heartbeat:IPaddr2"));
        assertEquals("unknown crm level 'resourc' — did you mean 'resource'?\n"
                + "  crm resourc cleanup\n"
                + "      ^^^^^^^", error("resourc cleanup"));
        assertEquals("unknown resource action 'clean up' — did you mean 'cleanup'?\n"
                + "  crm resource clean up httpd\n"
                + "               ^^^^^", error("resource clean up httpd"));
        assertEquals("unknown node action 'standy' — did you mean 'standby'?\n"
                + "  crm node standy n1\n"
                + "           ^^^^^^", error("node standy n1"));
        assertEquals("unknown failcount action 'shw' — did you mean 'show'?\n"
                + "  crm resource failcount httpd shw n1\n"
                + "                               ^^^", error("resource failcount httpd shw n1"));
        assertEquals("unknown agent class 'ocff' — did you mean 'ocf'?\n"
                + "  crm ra list ocff\n"
                + "              ^^^^", error("ra list ocff"));
    }

    @Test
    void malformedRules() {
        assertEquals("unknown operator 'lt3' in rule of location l1 — did you mean 'lt'?\n"
                + "  crm configure location l1 vip rule -inf: not_defined pingd or pingd lt3 0\n"
                + "                                                                      ^^^",
                error("configure location l1 vip rule -inf: not_defined pingd or pingd lt3 0"));
        assertEquals("rule of location l1 needs an expression after '-inf:' (if it starts with #uname, quote it:"
                + " '#uname' — the shell reads # as a comment)\n"
                + "  crm configure location l1 vip rule -inf:\n"
                + "                                           ^", error("configure location l1 vip rule -inf:"));
        assertEquals("rule of location l1 mixes 'and' and 'or'; a rule has one boolean operator: split it into several"
                + " rules\n"
                + "  crm configure location l1 vip rule -inf: a eq 1 and b eq 2 or c eq 3\n"
                + "                                                             ^^",
                error("configure location l1 vip rule -inf: a eq 1 and b eq 2 or c eq 3"));
        assertEquals("unknown type 'strin' in 'strin:eq' — did you mean 'string'?\n"
                + "  crm configure location l vip rule 100: #uname strin:eq n1\n"
                + "                                                ^^^^^^^^",
                error("configure location l vip rule 100: \\#uname strin:eq n1"));
        assertEquals("unknown role 'Mastr' in rule of location l — did you mean 'Master'?\n"
                + "  crm configure location l vip rule $role=Mastr 100: pingd gt 0\n"
                + "                                    ^^^^^^^^^^^",
                error("configure location l vip rule $role=Mastr 100: pingd gt 0"));
        assertEquals("missing value to compare pingd with\n"
                + "  crm configure location l vip rule 100: pingd gt\n"
                + "                                                  ^", error("configure location l vip rule 100: pingd gt"));
        assertEquals("expected 'and' or 'or' between expressions in rule of location l, got 'orr' — did you mean 'or'?\n"
                + "  crm configure location l vip rule 100: defined a orr defined b\n"
                + "                                                   ^^^",
                error("configure location l vip rule 100: defined a orr defined b"));
    }

    @Test
    void malformedScoresAndConstraints() {
        assertEquals("location l1 needs 'SCORE: NODE' (e.g. 100: node1) or 'rule …'\n"
                + "  crm configure location l1 vip 100 vm-node1\n"
                + "                                ^^^", error("configure location l1 vip 100 vm-node1"));
        assertEquals("'abc' is not a score in location l1 (use a number, inf, -inf or INFINITY)\n"
                + "  crm configure location l1 vip abc: vm-node1\n"
                + "                                ^^^^", error("configure location l1 vip abc: vm-node1"));
        assertEquals("unexpected 'n2' in location l1 after the node (one location names one node)\n"
                + "  crm configure location l1 vip 100: n1 n2\n"
                + "                                        ^^", error("configure location l1 vip 100: n1 n2"));
        assertEquals("colocation c needs a score ending in ':' (e.g. inf: or -inf: or 100:) before the resources\n"
                + "  crm configure colocation c vip httpd\n"
                + "                             ^^^", error("configure colocation c vip httpd"));
        assertEquals("unknown role 'Mastr' in 'a:Mastr' — did you mean 'Master'?\n"
                + "  crm configure colocation c inf: a:Mastr b\n"
                + "                                  ^^^^^^^", error("configure colocation c inf: a:Mastr b"));
        assertEquals("colocation c lists more than two resources (a resource set), which has one role for all; give"
                + " every resource the same role or split the constraint\n"
                + "  crm configure colocation c inf: a:Master b c\n"
                + "                                           ^", error("configure colocation c inf: a:Master b c"));
        assertEquals("order o needs two resources: FIRST THEN\n"
                + "  crm configure order o inf: a\n"
                + "                               ^", error("configure order o inf: a"));
        assertEquals("unknown order kind 'Mandtory' in order o — did you mean 'Mandatory'? (or a score such as inf:"
                + " or 0:)\n"
                + "  crm configure order o Mandtory: a b\n"
                + "                        ^^^^^^^^^", error("configure order o Mandtory: a b"));
        assertEquals("unknown action 'strt' in 'a:strt' — did you mean 'start'?\n"
                + "  crm configure order o Mandatory: a:strt b\n"
                + "                                   ^^^^^^", error("configure order o Mandatory: a:strt b"));
        assertEquals("symmetrical of order o must be true or false, not 'maybe'\n"
                + "  crm configure order o Optional: a b symmetrical=maybe\n"
                + "                                      ^^^^^^^^^^^^^^^^^",
                error("configure order o Optional: a b symmetrical=maybe"));
    }

    @Test
    void malformedResourcesAndOptions() {
        assertEquals("missing agent of primitive vip (e.g. ocf:heartbeat:IPaddr2)\n"
                + "  crm configure primitive vip\n"
                + "                              ^", error("configure primitive vip"));
        assertEquals("'ip=1' in primitive vip must follow one of: params, meta, utilization, op (e.g. params ip=1)\n"
                + "  crm configure primitive vip ocf:heartbeat:IPaddr2 ip=1\n"
                + "                                                    ^^^^",
                error("configure primitive vip ocf:heartbeat:IPaddr2 ip=1"));
        assertEquals("'ten' is not a duration for interval of op monitor in primitive vip (write e.g. 10s, 1m, 20 or"
                + " 500ms)\n"
                + "  crm configure primitive vip Dummy op monitor interval=ten\n"
                + "                                               ^^^^^^^^^^^^",
                error("configure primitive vip Dummy op monitor interval=ten"));
        assertEquals("ocf agent 'ocf:IPaddr2' needs a provider: write ocf:PROVIDER:TYPE, e.g. ocf:heartbeat:IPaddr2\n"
                + "  crm configure primitive vip ocf:IPaddr2\n"
                + "                              ^^^^^^^^^^^", error("configure primitive vip ocf:IPaddr2"));
        assertEquals("'1vip' is not a valid id for a primitive (start with a letter or '_', then letters, digits, '.',"
                + " '_' or '-')\n"
                + "  crm configure primitive 1vip Dummy\n"
                + "                          ^^^^", error("configure primitive 1vip Dummy"));
        assertEquals("ms m takes one resource; put several in a group first\n"
                + "  crm configure ms m a b\n"
                + "                       ^", error("configure ms m a b"));
        assertEquals("group g needs at least one member resource\n"
                + "  crm configure group g\n"
                + "                        ^", error("configure group g"));
        assertEquals("property needs at least one NAME=VALUE\n"
                + "  crm configure property\n"
                + "                         ^", error("configure property"));
        assertEquals("expected NAME=VALUE in property, got 'stonith-enabled'\n"
                + "  crm configure property stonith-enabled\n"
                + "                         ^^^^^^^^^^^^^^^", error("configure property stonith-enabled"));
        assertEquals("missing resource to move\n"
                + "  crm resource move\n"
                + "                    ^", error("resource move"));
        assertEquals("unexpected 'now' after verify\n"
                + "  crm configure verify now\n"
                + "                       ^^^", error("configure verify now"));
        assertEquals("unterminated double quote in: configure primitive vip Dummy params ip=\"10.0.0.1",
                error("configure primitive vip Dummy params ip=\"10.0.0.1"));
    }

    @Test
    void outputAsIsTakenAnywhereOnTheLine() {
        assertEquals(new io.vigil.shell.crm.syntax.OutputOption(io.vigil.shell.crm.syntax.OutputOption.Format.JSON,
                List.of("resource", "status", "vip")), io.vigil.shell.crm.syntax.OutputOption.split(
                        List.of("resource", "status", "--output-as", "json", "vip")));
        assertEquals(io.vigil.shell.crm.syntax.OutputOption.Format.XML, io.vigil.shell.crm.syntax.OutputOption.split(
                List.of("--output-as=xml", "configure", "show")).format());
        assertEquals("unknown output format 'jsn' — did you mean 'json'?\n"
                + "  crm resource status --output-as jsn\n"
                + "                                  ^^^", assertThrows(CrmSyntaxException.class,
                        () -> io.vigil.shell.crm.syntax.OutputOption.split(List.of("resource", "status", "--output-as",
                                "jsn"))).getMessage());
    }
}
