package io.vigil.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vigil.scheduler.Cibs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-stage behaviour on small hand-made CIBs: scores, colocation, ordering, each variant, fencing. */
class StageTest {
    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    static Transition run(String props, String nodes, String rsc, String cons, String status) {
        return Scheduler.schedule(cib(props, nodes, rsc, cons, status), NOW);
    }

    static List<Placement> at(Transition t, String rsc) {
        return t.finalPlacement().get(rsc);
    }

    @Test
    void locationScorePicksNode() {
        Transition t = run(nofence(), node("n1") + node("n2"), prim("a"),
                "<rsc_location id=\"l\" rsc=\"a\" node=\"n2\" score=\"50\"/>", up("n1", "") + up("n2", ""));
        assertEquals(List.of(new Placement("n2", "Started")), at(t, "a"));
        assertTrue(t.summary().text().get(0).contains("Start"));
        assertTrue(t.scores().stream().anyMatch(s -> s.text().equals(
                "pcmk__primitive_assign: a allocation score on n2: 50")));
    }

    @Test
    void ruleOnNodeAttribute() {
        String nodes = "<node id=\"n1\" uname=\"n1\"><instance_attributes id=\"i1\"><nvpair id=\"i1a\" name=\"rack\""
                + " value=\"2\"/></instance_attributes></node>" + node("n2");
        String cons = "<rsc_location id=\"l\" rsc=\"a\"><rule id=\"r\" score=\"100\"><expression id=\"e\""
                + " attribute=\"rack\" operation=\"gt\" value=\"1\" type=\"integer\"/></rule></rsc_location>";
        Transition t = run(nofence(), nodes, prim("a"), cons, up("n1", "") + up("n2", ""));
        assertEquals("n1", at(t, "a").get(0).node());
    }

    @Test
    void stickinessKeepsResourceWhereItRuns() {
        String rsc = prim("a").replace("</primitive>", "<meta_attributes id=\"m\"><nvpair id=\"m1\""
                + " name=\"resource-stickiness\" value=\"100\"/></meta_attributes></primitive>");
        Transition t = run(nofence(), node("n1") + node("n2"), rsc,
                "<rsc_location id=\"l\" rsc=\"a\" node=\"n1\" score=\"50\"/>",
                up("n1", "") + up("n2", running("a", 0)));
        assertEquals("n2", at(t, "a").get(0).node());
        assertTrue(t.summary().lines().isEmpty());
    }

    @Test
    void mandatoryColocationFollowsPrimary() {
        Transition t = run(nofence(), node("n1") + node("n2"), prim("a") + prim("b"),
                "<rsc_location id=\"l\" rsc=\"a\" node=\"n2\" score=\"10\"/>"
                        + "<rsc_colocation id=\"c\" rsc=\"b\" with-rsc=\"a\" score=\"INFINITY\"/>",
                up("n1", "") + up("n2", ""));
        assertEquals("n2", at(t, "b").get(0).node());
    }

    @Test
    void anticolocationSeparates() {
        Transition t = run(nofence(), node("n1") + node("n2"), prim("a") + prim("b"),
                "<rsc_colocation id=\"c\" rsc=\"b\" with-rsc=\"a\" score=\"-INFINITY\"/>", up("n1", "") + up("n2", ""));
        assertTrue(!at(t, "a").get(0).node().equals(at(t, "b").get(0).node()));
    }

    @Test
    void mandatoryOrderBlocksThenWhenFirstCannotStart() {
        Transition t = run(nofence(), node("n1"), prim("a") + prim("b"),
                "<rsc_location id=\"l\" rsc=\"a\" node=\"n1\" score=\"-INFINITY\"/>"
                        + "<rsc_order id=\"o\" first=\"a\" then=\"b\"/>", up("n1", ""));
        assertEquals(List.of(), at(t, "b"));
        Action startB = t.actions().stream().filter(x -> x.key().equals("b_start_0")).findFirst().orElseThrow();
        assertTrue(!startB.runnable());
    }

    @Test
    void orderEdgesInGraph() {
        Transition t = run(nofence(), node("n1"), prim("a") + prim("b"),
                "<rsc_order id=\"o\" first=\"a\" then=\"b\"/>", up("n1", ""));
        Action a = t.actions().stream().filter(x -> x.key().equals("a_start_0")).findFirst().orElseThrow();
        Action b = t.actions().stream().filter(x -> x.key().equals("b_start_0")).findFirst().orElseThrow();
        assertTrue(b.inputs().contains(a.id()));
    }

    @Test
    void groupMembersRunTogether() {
        String g = "<group id=\"g\">" + prim("a") + prim("b") + "</group>";
        Transition t = run(nofence(), node("n1") + node("n2"), g,
                "<rsc_location id=\"l\" rsc=\"g\" node=\"n2\" score=\"10\"/>", up("n1", "") + up("n2", ""));
        assertEquals("n2", at(t, "a").get(0).node());
        assertEquals("n2", at(t, "b").get(0).node());
    }

    @Test
    void anonymousCloneRunsEverywhere() {
        String c = "<clone id=\"c\">" + prim("a") + "</clone>";
        Transition t = run(nofence(), node("n1") + node("n2") + node("n3"), c, "", up("n1", "") + up("n2", "")
                + up("n3", ""));
        assertEquals(3, at(t, "a").size());
    }

    @Test
    void failedResourceIsRecovered() {
        Transition t = run(nofence(), node("n1"), prim("a"), "", up("n1",
                "<lrm_resource id=\"a\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                        + "<lrm_rsc_op id=\"a_last_0\" operation=\"start\" call-id=\"2\" rc-code=\"0\" op-status=\"0\""
                        + " interval=\"0\" transition-key=\"1:1:0:x\"/>"
                        + "<lrm_rsc_op id=\"a_mon\" operation=\"monitor\" call-id=\"3\" rc-code=\"1\" op-status=\"4\""
                        + " interval=\"10000\" transition-key=\"1:1:0:x\"/></lrm_resource>"));
        assertTrue(t.summary().text().get(0).contains("Recover"), t.summary().text().toString());
    }

    @Test
    void lostNodeIsFencedBeforeRecovery() {
        String props = "<nvpair id=\"c1\" name=\"stonith-enabled\" value=\"true\"/>";
        String rsc = prim("a") + "<primitive id=\"f\" class=\"stonith\" type=\"fence_xvm\"/>";
        Transition t = run(props, node("n1") + node("n2"), rsc, "",
                down("n1").replace("/>", "><lrm id=\"n1\"><lrm_resources>" + running("a", 0)
                        + "</lrm_resources></lrm></node_state>") + up("n2", ""));
        assertEquals(List.of("n1:reboot"), t.fenced());
        assertEquals("n2", at(t, "a").get(0).node());
        Action fence = t.actions().stream().filter(x -> x.kind() == ActionKind.FENCE).findFirst().orElseThrow();
        Action start = t.actions().stream().filter(x -> x.key().equals("a_start_0")).findFirst().orElseThrow();
        Action stop = t.actions().stream().filter(x -> x.key().equals("a_stop_0")).findFirst().orElseThrow();
        assertTrue(stop.pseudo() && stop.inputs().contains(fence.id()));
        assertTrue(start.inputs().contains(stop.id()));
    }

    @Test
    void fencingEnabledWithoutDeviceStartsNothing() {
        Transition t = run("", node("n1"), prim("a"), "", up("n1", ""));
        assertEquals(List.of(), at(t, "a"));
        assertTrue(t.summary().lines().isEmpty());
    }

    @Test
    void noQuorumStopPolicyStops() {
        String xmlStatus = up("n1", running("a", 0));
        var cib = cib(nofence(), node("n1"), prim("a"), "", xmlStatus);
        cib = cib.withAttributes(new java.util.HashMap<>(cib.attributes()) {{
            put("have-quorum", "false");
        }});
        Transition t = Scheduler.schedule(cib, NOW);
        assertEquals(List.of(), at(t, "a"));
    }

    @Test
    void targetRoleStopped() {
        String rsc = prim("a").replace("</primitive>", "<meta_attributes id=\"m\"><nvpair id=\"m1\""
                + " name=\"target-role\" value=\"Stopped\"/></meta_attributes></primitive>");
        Transition t = run(nofence(), node("n1"), rsc, "", up("n1", running("a", 0)));
        assertEquals(List.of(), at(t, "a"));
        assertTrue(t.summary().text().get(0).contains("Stop"));
    }

    @Test
    void verdictJsonIsStable() {
        Transition t = run(nofence(), node("n1"), prim("a"), "", up("n1", ""));
        assertTrue(t.verdictJson().contains("\"a\": [[\"n1\", \"Started\"]]"), t.verdictJson());
    }
}
