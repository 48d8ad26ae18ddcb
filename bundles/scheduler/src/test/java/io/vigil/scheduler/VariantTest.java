package io.vigil.scheduler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vigil.scheduler.Cibs.*;
import static io.vigil.scheduler.StageTest.at;
import static io.vigil.scheduler.StageTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The variants (group, clone, promotable clone) and history rules, each on a small hand-made CIB. */
class VariantTest {

    private static String meta(String id, String... nv) {
        StringBuilder sb = new StringBuilder("<meta_attributes id=\"" + id + "\">");
        for (int i = 0; i < nv.length; i += 2) {
            sb.append("<nvpair id=\"").append(id).append(i).append("\" name=\"").append(nv[i]).append("\" value=\"")
                    .append(nv[i + 1]).append("\"/>");
        }
        return sb.append("</meta_attributes>").toString();
    }

    private static String op(String rsc, String task, int call, int rc, String extra) {
        return "<lrm_rsc_op id=\"" + rsc + "_" + task + "_" + call + "\" operation=\"" + task + "\" call-id=\"" + call
                + "\" rc-code=\"" + rc + "\" op-status=\"0\" interval=\"0\" transition-key=\"1:1:0:x\"" + extra + "/>";
    }

    private static String history(String rsc, String ops) {
        return "<lrm_resource id=\"" + rsc + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">" + ops
                + "</lrm_resource>";
    }

    private static final String TWO = node("n1") + node("n2");
    private static final String TWO_UP = up("n1", "") + up("n2", "");

    @Test
    void promotableClonePromotesWhereThePromotedRoleIsPreferred() {
        String ms = "<clone id=\"ms\">" + prim("s") + meta("m", "promotable", "true", "promoted-max", "1") + "</clone>";
        Transition t = run(nofence(), TWO, ms,
                "<rsc_location id=\"l\" rsc=\"ms\" role=\"Promoted\" node=\"n2\" score=\"100\"/>", TWO_UP);
        assertEquals(List.of(new Placement("n1", "Unpromoted"), new Placement("n2", "Promoted")), at(t, "s"));
        assertTrue(t.summary().text().stream().anyMatch(l -> l.contains("Promote")), t.summary().text().toString());
    }

    @Test
    void colocationWithThePromotedRoleFollowsThePromotedInstance() {
        String ms = "<clone id=\"ms\">" + prim("s") + meta("m", "promotable", "true") + "</clone>";
        Transition t = run(nofence(), TWO, ms + prim("ip"),
                "<rsc_location id=\"l\" rsc=\"ms\" role=\"Promoted\" node=\"n2\" score=\"100\"/>"
                        + "<rsc_colocation id=\"c\" rsc=\"ip\" with-rsc=\"ms\" with-rsc-role=\"Promoted\""
                        + " score=\"INFINITY\"/>", TWO_UP);
        assertEquals(List.of(new Placement("n2", "Started")), at(t, "ip"));
    }

    @Test
    void groupMemberThatCannotRunStopsTheMembersAfterIt() {
        String g = "<group id=\"g\">" + prim("a") + prim("b") + prim("c") + "</group>";
        Transition t = run(nofence(), TWO, g, "<rsc_location id=\"l\" rsc=\"b\" score=\"-INFINITY\""
                + " node=\"n1\"/><rsc_location id=\"l2\" rsc=\"b\" score=\"-INFINITY\" node=\"n2\"/>", TWO_UP);
        assertEquals(1, at(t, "a").size());
        assertEquals(List.of(), at(t, "b"));
        assertEquals(List.of(), at(t, "c"));
    }

    @Test
    void cloneNodeMaxAllowsSeveralInstancesPerNode() {
        String c = "<clone id=\"c\">" + prim("u") + meta("m", "globally-unique", "true", "clone-max", "4",
                "clone-node-max", "2") + "</clone>";
        Transition t = run(nofence(), TWO, c, "", TWO_UP);
        List<Placement> p = at(t, "u");
        assertEquals(4, p.size());
        assertEquals(2, p.stream().filter(x -> x.node().equals("n1")).count());
    }

    @Test
    void failCountAtMigrationThresholdBansTheNode() {
        String rsc = prim("a").replace("</primitive>", meta("m", "migration-threshold", "2") + "</primitive>");
        String n1 = up("n1", history("a", op("a", "start", 2, 0, ""))).replace("<lrm ",
                "<transient_attributes id=\"t1\"><instance_attributes id=\"t1a\"><nvpair id=\"f1\""
                        + " name=\"fail-count-a\" value=\"2\"/></instance_attributes>"
                        + "</transient_attributes><lrm ");
        Transition t = run(nofence(), TWO, rsc, "", n1 + up("n2", ""));
        assertEquals(List.of(new Placement("n2", "Started")), at(t, "a"));
        assertTrue(t.scores().stream().anyMatch(s -> s.text().equals(
                "pcmk__primitive_assign: a allocation score on n1: -INFINITY")), t.scores().toString());
    }

    @Test
    void mandatoryOrderStopsInReverse() {
        // the node goes into standby: both stop, b (the "then" side) first
        String standby = node("n1").replace("/>", "><instance_attributes id=\"na\"><nvpair id=\"sb\""
                + " name=\"standby\" value=\"on\"/></instance_attributes></node>");
        Transition t = run(nofence(), standby, prim("a") + prim("b"), "<rsc_order id=\"o\" first=\"a\""
                + " then=\"b\"/>", up("n1", running("a", 0) + running("b", 0)));
        Action stopA = t.actions().stream().filter(x -> x.key().equals("a_stop_0")).findFirst().orElseThrow();
        Action stopB = t.actions().stream().filter(x -> x.key().equals("b_stop_0")).findFirst().orElseThrow();
        assertTrue(stopA.inputs().contains(stopB.id()));
    }

    /** The digest of an empty parameter set, as Pacemaker records it for a resource without parameters. */
    private static final String EMPTY_DIGEST = "f2317cad3d54cec5d7d7aa7d0bf35cf8";

    @Test
    void changedDefinitionRestartsInPlace() {
        String rsc = prim("a").replace("<operations>", "<instance_attributes id=\"ia\"><nvpair id=\"ia1\""
                + " name=\"state\" value=\"/tmp/a\"/></instance_attributes><operations>");
        Transition changed = run(nofence(), node("n1"), rsc, "",
                up("n1", history("a", op("a", "start", 2, 0, " op-digest=\"" + EMPTY_DIGEST + "\""))));
        assertEquals(List.of(new Placement("n1", "Started")), at(changed, "a"));
        assertTrue(changed.summary().text().get(0).contains("Restart"), changed.summary().text().toString());

        Transition same = run(nofence(), node("n1"), prim("a"), "",
                up("n1", history("a", op("a", "start", 2, 0, " op-digest=\"" + EMPTY_DIGEST + "\""))));
        assertTrue(same.summary().lines().isEmpty(), same.summary().text().toString());

        Transition unknown = run(nofence(), node("n1"), rsc, "", up("n1", running("a", 0)));
        assertTrue(unknown.summary().lines().isEmpty(), "no digest recorded: no restart");
    }

    @Test
    void secondHistoryOfAnAnonymousInstanceOnOneNodeIsAnOrphanToStop() {
        String c = "<clone id=\"c\">" + prim("d") + meta("m", "clone-max", "2") + "</clone>";
        Transition t = run(nofence(), TWO, c, "", up("n1", history("d:0", op("d:0", "start", 2, 0, ""))
                + history("d:1", op("d:1", "start", 3, 0, ""))) + up("n2", ""));
        assertEquals(List.of(new Placement("n1", "Started"), new Placement("n2", "Started")), at(t, "d"));
        assertTrue(t.summary().text().stream().anyMatch(l -> l.contains("Stop") && l.contains("n1")),
                t.summary().text().toString());
    }

    @Test
    void cloneActiveOnlyThroughABlockedInstanceOnALostNodeIsNotListed() {
        // a stop that failed on a node that cannot be fenced: the instance is blocked there, unmanaged
        String props = "<nvpair id=\"c1\" name=\"stonith-enabled\" value=\"true\"/>";
        String c = "<clone id=\"c\">" + prim("d") + "</clone>";
        String lost = down("n2").replace("/>", "><lrm id=\"n2\"><lrm_resources>"
                + history("d", "<lrm_rsc_op id=\"d_stop\" operation=\"stop\" call-id=\"4\" rc-code=\"5\""
                + " op-status=\"0\" interval=\"0\" transition-key=\"1:1:0:x\"/>") + "</lrm_resources></lrm></node_state>");
        Transition t = run(props, TWO, c, "", up("n1", "") + lost);
        assertNull(at(t, "d"), t.finalPlacement().toString());
        assertFalse(t.verdictJson().contains("\"d\""));
    }
}
