package io.vigil.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigil.scheduler.Cibs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover when a node is lost, with node_state attributes exactly as the controller writes them
 * ({@code in_ccm}, {@code crmd}, {@code join}, {@code expected}). Expectations were checked against
 * Pacemaker 2.1.5's crm_simulate on the same CIBs.
 */
class NodeLossTest {
    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    static final String NODES = node("n1") + node("n2") + node("n3");
    static final String PREFER_N1 = "<rsc_location id=\"l\" rsc=\"a\" node=\"n1\" score=\"100\"/>";
    static final String FENCING = "<nvpair id=\"c1\" name=\"stonith-enabled\" value=\"true\"/>";
    static final String DEVICE = "<primitive id=\"f\" class=\"stonith\" type=\"fence_xvm\"/>";

    static String state(String n, String inCcm, String crmd, String join, String expected, String lrm) {
        return "<node_state id=\"" + n + "\" uname=\"" + n + "\" in_ccm=\"" + inCcm + "\" crmd=\"" + crmd
                + "\" join=\"" + join + "\" expected=\"" + expected + "\"><lrm id=\"" + n + "\"><lrm_resources>" + lrm
                + "</lrm_resources></lrm></node_state>";
    }

    static String others() {
        return up("n2", "") + up("n3", "");
    }

    static Action action(Transition t, String key) {
        return t.actions().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no action " + key + " in " + t.actions()));
    }

    static boolean hasAction(Transition t, String key) {
        return t.actions().stream().anyMatch(x -> x.key().equals(key));
    }

    private static void assertRecoveredWithoutFencing(Transition t) {
        assertEquals(List.of(new Placement("n2", "Started")), t.finalPlacement().get("a"));
        assertEquals(List.of(), t.fenced());
        assertTrue(t.actions().stream().noneMatch(x -> x.kind() == ActionKind.FENCE));
        Action start = action(t, "a_start_0");
        assertEquals("n2", start.node());
        assertTrue(start.runnable() && !start.pseudo());
        // the lost node's history is ignored: nothing is stopped there, the start waits for nothing on n1
        assertFalse(hasAction(t, "a_stop_0"));
        assertTrue(t.executable().contains(start));
        assertTrue(t.summary().text().contains("* Start      a        ( n2 )"), t.summary().text().toString());
    }

    @Test
    void noFencingLostNodeResourcesStartElsewhere() {
        // corosync lost the node: in_ccm=false, crmd=offline, join=down, expected=member
        Transition t = Scheduler.schedule(cib(nofence(), NODES, prim("a") + prim("b"), PREFER_N1,
                state("n1", "false", "offline", "down", "member", running("a", 0) + running("b", 0)) + others()), NOW);
        assertRecoveredWithoutFencing(t);
        assertEquals(List.of(new Placement("n3", "Started")), t.finalPlacement().get("b"));
        assertEquals("offline", t.nodeStates().get("n1"));
    }

    @Test
    void noFencingCleanlyLeftNode() {
        Transition t = Scheduler.schedule(cib(nofence(), NODES, prim("a"), PREFER_N1,
                state("n1", "false", "offline", "down", "down", running("a", 0)) + others()), NOW);
        assertRecoveredWithoutFencing(t);
        assertEquals("offline", t.nodeStates().get("n1"));
    }

    @Test
    void noFencingControllerDownButInMembership() {
        // in_ccm=true but the controller is gone while expected up: unclean, yet nothing can be fenced
        Transition t = Scheduler.schedule(cib(nofence(), NODES, prim("a"), PREFER_N1,
                state("n1", "true", "offline", "down", "member", running("a", 0)) + others()), NOW);
        assertRecoveredWithoutFencing(t);
        assertEquals("unclean", t.nodeStates().get("n1"));
    }

    private static void assertFencedThenRecovered(Transition t) {
        assertEquals(List.of("n1:reboot"), t.fenced());
        assertEquals(List.of(new Placement("n2", "Started")), t.finalPlacement().get("a"));
        Action fence = t.actions().stream().filter(x -> x.kind() == ActionKind.FENCE).findFirst().orElseThrow();
        assertEquals("n1", fence.node());
        assertEquals("reboot", fence.params().get("stonith_action"));
        Action start = action(t, "a_start_0");
        assertEquals("n2", start.node());
        assertTrue(start.inputs().contains(fence.id()), "start must wait for the fencing: " + start.inputs());
        Action stop = action(t, "a_stop_0");
        assertTrue(stop.pseudo() && stop.inputs().contains(fence.id()));
        assertTrue(start.inputs().contains(stop.id()));
        assertTrue(t.summary().text().stream().anyMatch(l -> l.startsWith("* Move       a        ( n1 -> n2 )")),
                t.summary().text().toString());
        assertEquals("offline", t.nodeStates().get("n1"));
    }

    @Test
    void fencingLostNodeIsFencedBeforeRecovery() {
        Transition t = Scheduler.schedule(cib(FENCING, NODES, prim("a") + DEVICE, PREFER_N1,
                state("n1", "false", "offline", "down", "member", running("a", 0)) + others()), NOW);
        assertFencedThenRecovered(t);
    }

    @Test
    void fencingControllerDownIsFencedBeforeRecovery() {
        Transition t = Scheduler.schedule(cib(FENCING, NODES, prim("a") + DEVICE, PREFER_N1,
                state("n1", "true", "offline", "down", "member", running("a", 0)) + others()), NOW);
        assertFencedThenRecovered(t);
    }

    @Test
    void fencingCleanlyLeftNodeIsNotFenced() {
        Transition t = Scheduler.schedule(cib(FENCING, NODES, prim("a") + DEVICE, PREFER_N1,
                state("n1", "false", "offline", "down", "down", "") + others()), NOW);
        assertEquals(List.of(), t.fenced());
        assertEquals(List.of(new Placement("n2", "Started")), t.finalPlacement().get("a"));
        assertEquals("offline", t.nodeStates().get("n1"));
        Map<String, List<Placement>> fin = t.finalPlacement();
        assertEquals(1, fin.get("f").size());
    }

    @Test
    void fencingWithoutQuorumWaitsInsteadOfRecovering() {
        var c = cib(FENCING + "<nvpair id=\"c2\" name=\"no-quorum-policy\" value=\"freeze\"/>", NODES,
                prim("a") + DEVICE, PREFER_N1,
                state("n1", "false", "offline", "down", "member", running("a", 0)) + others());
        c = c.withAttributes(new java.util.HashMap<>(c.attributes()) {{
            put("have-quorum", "false");
        }});
        Transition t = Scheduler.schedule(c, NOW);
        // cannot fence without quorum: the resource is left where it was and its stop is blocked
        assertEquals(List.of(), t.fenced());
        assertEquals(List.of(new Placement("n1", "Started")), t.finalPlacement().get("a"));
        assertFalse(t.executable().stream().anyMatch(x -> "a".equals(x.resource()) && x.kind() == ActionKind.START));
    }
}
