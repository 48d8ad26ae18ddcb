package io.vigil.shell.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Score;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Tokenizer;
import io.vigil.shell.testing.CibFixture;

/** crm_resource, crm_attribute and crm_verify: every option form, applied with the real change engine. */
class CrmToolsTest {

    private CibFixture f;

    @BeforeEach
    void cluster() {
        f = new CibFixture("n1", "n2");
        f.run("pcs property set stonith-enabled=false");
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.1");
        f.run("pcs resource create drbd ocf:linbit:drbd drbd_resource=r0 promotable");
        f.online("n1");
        f.online("n2");
        f.ran("n1", "vip", "ocf:heartbeat:IPaddr2", "start", 0);
        f.ran("n1", "drbd", "ocf:linbit:drbd", "promote", 0);
        f.ran("n2", "drbd", "ocf:linbit:drbd", "start", 0);
    }

    private ToolRequest resource(String line) {
        return CrmResourceParser.parse(Tokenizer.split(line), f.cib(), CibFixture.NOW);
    }

    private ToolRequest attribute(String line) {
        return CrmAttributeParser.parse(Tokenizer.split(line), f.cib(), "n1");
    }

    private void apply(ToolRequest r) {
        f.apply(assertInstanceOf(ToolRequest.Change.class, r).changes());
    }

    private String output(ToolRequest r) {
        return assertInstanceOf(ToolRequest.Output.class, r).text();
    }

    // ------------------------------------------------------------------ crm_resource

    @Test
    void locate() {
        assertEquals("resource vip is running on: n1", output(resource("crm_resource --locate -r vip")));
        assertEquals("resource drbd-clone is running on: n1 Promoted\nresource drbd-clone is running on: n2",
                output(resource("crm_resource -W --resource=drbd-clone")));
        assertTrue(output(resource("crm_resource --locate -r vip --output-as json")).contains("\"node\": \"n1\""));
        assertTrue(output(resource("crm_resource --locate -r vip --output-as xml"))
                .contains("<nodes resource=\"vip\">\n    <node state=\"Started\">n1</node>"));
        f.run("pcs resource create idle ocf:pacemaker:Dummy");
        assertEquals("resource idle is NOT running", output(resource("crm_resource --locate -r idle")));
    }

    @Test
    void moveBanClearWithLifetime() {
        apply(resource("crm_resource --move -r vip -N n2"));
        LocationConstraint prefer = (LocationConstraint) f.cib().configuration().constraints().get(0);
        assertEquals("cli-prefer-vip", prefer.id());
        assertEquals("n2", prefer.node());
        apply(resource("crm_resource -B -r vip -N n1 --lifetime PT30M"));
        LocationConstraint ban = (LocationConstraint) f.cib().configuration().constraints().get(1);
        assertEquals("cli-ban-vip-on-n1", ban.id());
        assertEquals(Score.MINUS_INFINITY, ban.rules().get(0).score());
        apply(resource("crm_resource --ban -r drbd-clone --promoted"));
        LocationConstraint promoted = (LocationConstraint) f.cib().configuration().constraints().get(2);
        assertEquals("cli-ban-drbd-clone-on-n1", promoted.id(), "without -N: the node where it is promoted ...");
        assertEquals("Promoted", promoted.role());
        ToolRequest.Change clear = (ToolRequest.Change) resource("crm_resource --clear -r vip");
        assertEquals("Removing constraint: cli-prefer-vip\nRemoving constraint: cli-ban-vip-on-n1", clear.message());
        apply(clear);
        assertEquals(1, f.cib().configuration().constraints().size());
    }

    @Test
    void cleanupAndRefresh() {
        f.apply(List.of(new CibChange.SetTransientAttribute("n1", "fail-count-vip#monitor_10000", "3")));
        ToolRequest.Change c = (ToolRequest.Change) resource("crm_resource --cleanup -r vip -N n1");
        assertEquals("Cleaned up vip on n1", c.message());
        apply(c);
        assertTrue(f.cib().status().nodeByName("n1").orElseThrow().failCounts().isEmpty());
        assertEquals("Cleaned up all resources on all nodes (nothing recorded)", output(resource("crm_resource -C")));
        ToolRequest.Change r = (ToolRequest.Change) resource("crm_resource --refresh -r drbd-clone");
        assertEquals(List.of(new CibChange.DeleteOperationHistory("n1", "drbd", null),
                new CibChange.DeleteOperationHistory("n2", "drbd", null)), r.changes());
    }

    @Test
    void crmResourceErrors() {
        assertEquals(String.join("\n",
                "unknown option '--locat' — did you mean '--locate'?",
                "  crm_resource --locat -r vip",
                "               ^^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> resource("crm_resource --locat -r vip")).getMessage());
        assertEquals(String.join("\n",
                "resource 'vpi' does not exist — did you mean 'vip'?",
                "  crm_resource --move -r vpi -N n2",
                "                         ^^^"), assertThrows(CommandSyntaxException.class,
                        () -> resource("crm_resource --move -r vpi -N n2")).getMessage());
        assertEquals(String.join("\n",
                "--move needs a resource (-r/--resource RSC)",
                "  crm_resource --move -N n2",
                "               ^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> resource("crm_resource --move -N n2")).getMessage());
        assertEquals(String.join("\n",
                "only one command at a time: --locate and --cleanup given",
                "  crm_resource -W -C -r vip",
                "                  ^^"), assertThrows(CommandSyntaxException.class,
                        () -> resource("crm_resource -W -C -r vip")).getMessage());
        assertEquals(String.join("\n",
                "lifetime '1 hour' is not an ISO 8601 duration (e.g. PT1H, P1D)",
                "  crm_resource --ban -r vip -N n2 --lifetime 1 hour",
                "                                             ^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> resource("crm_resource --ban -r vip -N n2 --lifetime '1 hour'")).getMessage());
    }

    // ------------------------------------------------------------------ crm_attribute

    @Test
    void clusterPropertyQueryUpdateDelete() {
        apply(attribute("crm_attribute -n no-quorum-policy -v ignore"));
        assertEquals("scope=crm_config  name=no-quorum-policy value=ignore",
                output(attribute("crm_attribute -n no-quorum-policy -G")));
        assertEquals("ignore", output(attribute("crm_attribute --name no-quorum-policy --query -q")));
        assertTrue(output(attribute("crm_attribute -n no-quorum-policy -G --output-as json"))
                .contains("\"value\": \"ignore\""));
        apply(attribute("crm_attribute -n no-quorum-policy -D"));
        assertNull(f.cib().configuration().properties().values().get("no-quorum-policy"));
        assertEquals("stop", output(attribute("crm_attribute -n no-quorum-policy -G -d stop -q")));
        assertEquals(String.join("\n",
                "unknown cluster property 'stonith-enable' — did you mean 'stonith-enabled'? (use --force to set it "
                        + "anyway)",
                "  crm_attribute -n stonith-enable -v false",
                "                   ^^^^^^^^^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> attribute("crm_attribute -n stonith-enable -v false")).getMessage());
    }

    @Test
    void nodeAttributesForeverAndReboot() {
        apply(attribute("crm_attribute -N n2 -n standby -v on"));
        assertTrue(f.cib().configuration().nodeByName("n2").orElseThrow().isStandby());
        assertEquals("scope=nodes  name=standby value=on", output(attribute("crm_attribute -N n2 -n standby -G")));
        apply(attribute("crm_attribute -N n2 -n pingd -v 1000 -l reboot"));
        assertEquals("1000", f.cib().status().nodeByName("n2").orElseThrow().transientValues().get("pingd"));
        assertEquals("scope=status  name=pingd value=1000",
                output(attribute("crm_attribute --node n2 --name pingd --query --lifetime reboot")));
        apply(attribute("crm_attribute -N n2 -n pingd -D -l reboot"));
        assertFalse(f.cib().status().nodeByName("n2").orElseThrow().transientValues().containsKey("pingd"));
        apply(attribute("crm_attribute -n rack -v 3 -t nodes"));
        assertEquals("3", f.cib().configuration().nodeByName("n1").orElseThrow().instanceAttributes().unconditional()
                .get("rack"), "without -N: this node");
        apply(attribute("crm_attribute -t rsc_defaults -n resource-stickiness -v 100"));
        assertEquals("100", f.cib().configuration().rscDefaults().unconditional().get("resource-stickiness"));
        assertEquals(String.join("\n",
                "unknown lifetime 'forver' — did you mean 'forever'?",
                "  crm_attribute -N n2 -n standby -v on -l forver",
                "                                          ^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> attribute("crm_attribute -N n2 -n standby -v on -l forver")).getMessage());
        assertEquals(String.join("\n",
                "attribute 'pingd' is not set for node n2",
                "  crm_attribute -N n2 -n pingd -G -l reboot",
                "                         ^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> attribute("crm_attribute -N n2 -n pingd -G -l reboot")).getMessage());
    }

    // ------------------------------------------------------------------ crm_verify

    @Test
    void crmVerifyReportsErrorsOfTheCib() {
        CrmVerify.Request r = CrmVerify.parse(Tokenizer.split("crm_verify -L -V"));
        assertTrue(r.verbose());
        assertNull(r.file());
        CrmVerify.Verdict ok = CrmVerify.verify(f.cib(), CibFixture.CATALOG, false, OutputFormat.TEXT);
        assertFalse(ok.invalid(), ok.output());
        assertEquals("", ok.output());
        // a colocation naming a resource that is gone: what a hand-edited CIB file may hold
        var broken = f.cib().withConfiguration(f.cib().configuration().withConstraints(List.of(
                new io.vigil.cib.model.ColocationConstraint("c1", "vip", "gone", Score.INFINITY, null, null, null,
                        java.util.Map.of(), List.of()))));
        CrmVerify.Verdict bad = CrmVerify.verify(broken, CibFixture.CATALOG, false, OutputFormat.TEXT);
        assertTrue(bad.invalid());
        assertTrue(bad.output().endsWith("Errors found during check: config not valid"), bad.output());
        assertTrue(bad.output().contains("'gone'"), bad.output());
        assertEquals(String.join("\n",
                "missing what to check: -L/--live-check or -x/--xml-file FILE",
                "  crm_verify -V",
                "                ^"), assertThrows(CommandSyntaxException.class,
                        () -> CrmVerify.parse(Tokenizer.split("crm_verify -V"))).getMessage());
    }
}
