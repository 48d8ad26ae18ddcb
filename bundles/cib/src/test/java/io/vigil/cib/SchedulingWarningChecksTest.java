package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.xml.CibXmlReader;

/**
 * The document checks that mirror warnings crm_verify raises from a CIB's configuration and status (deprecated
 * group options, active orphans of primitives and anonymous clones, a failure-timeout that on-fail=block
 * defeats, watchdog fencing, suicide without fencing): each names the
 * object and the field, and a near miss of each stays clean.
 */
class SchedulingWarningChecksTest {

    private static final String ORPHAN_HISTORY = "<lrm_resource id=\"old\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
            + "<lrm_rsc_op id=\"old_last_0\" operation_key=\"old_start_0\" operation=\"start\" transition-key=\"2:1:0:abc\""
            + " call-id=\"4\" rc-code=\"0\" op-status=\"0\" interval=\"0\"/>%s</lrm_resource>";
    private static final String STOPPED = "<lrm_rsc_op id=\"old_stop_0\" operation_key=\"old_stop_0\" operation=\"stop\""
            + " transition-key=\"3:1:0:abc\" call-id=\"5\" rc-code=\"0\" op-status=\"0\" interval=\"0\"/>";

    private static List<Problem> suspect(String xml) throws CibParseException {
        return Validator.forDocuments(AgentCatalog.NONE).validate(CibXmlReader.read(xml).snapshot()).stream()
                .filter(p -> p.isError() || p.isWarning()).toList();
    }

    private static Problem only(List<Problem> problems, String kind, String id, String field) {
        assertEquals(1, problems.size(), problems::toString);
        Problem p = problems.get(0);
        assertEquals(kind, p.kind());
        assertEquals(id, p.objectId());
        assertEquals(field, p.field());
        return p;
    }

    @Test
    void smallFixtureIsClean() throws Exception {
        assertEquals(List.of(), suspect(Fixtures.smallXml()));
    }

    @Test
    void groupOrderedFalseInheritedFromItsCloneIsDeprecated() throws Exception {
        String xml = Fixtures.smallXml().replace("<group id=\"web\">", "<clone id=\"web-clone\"><meta_attributes "
                + "id=\"wc-meta\"><nvpair id=\"wc-ordered\" name=\"ordered\" value=\"false\"/></meta_attributes>"
                + "<group id=\"web\">").replace("</group>", "</group></clone>")
                .replace("rsc=\"web\"", "rsc=\"web-clone\"").replace("then=\"web\"", "then=\"web-clone\"");
        Problem p = only(suspect(xml), "group", "web", "ordered");
        assertTrue(p.message().contains("web-clone") && p.message().contains("resource set"), p.message());
        assertEquals(List.of(), suspect(xml.replace("name=\"ordered\" value=\"false\"", "name=\"ordered\" value=\"true\"")));
    }

    @Test
    void activeOrphanIsWarnedStoppedOneIsNot() throws Exception {
        String active = Fixtures.smallXml().replace("</lrm_resources>", String.format(ORPHAN_HISTORY, "") + "</lrm_resources>");
        Problem p = only(suspect(active), "lrm_resource", "old", "id");
        assertTrue(p.message().contains("node1") && p.message().contains("no longer configured"), p.message());
        String stopped = Fixtures.smallXml().replace("</lrm_resources>", String.format(ORPHAN_HISTORY, STOPPED) + "</lrm_resources>");
        assertEquals(List.of(), suspect(stopped));
    }

    @Test
    void failureTimeoutDefeatedByOnFailBlock() throws Exception {
        // ip has fail-count-ip#monitor_10000=2 on node1; its monitor failure recorded with a bad rc
        String failed = "<lrm_rsc_op id=\"ip_monitor_10000\" operation_key=\"ip_monitor_10000\" operation=\"monitor\""
                + " transition-key=\"4:1:0:abc\" call-id=\"6\" rc-code=\"1\" op-status=\"0\" interval=\"10000\"/>";
        String base = Fixtures.smallXml().replace("op-digest=\"d1\"/>", "op-digest=\"d1\"/>" + failed)
                .replace("<operations>", "<meta_attributes id=\"ip-meta\"><nvpair id=\"ip-ft\" name=\"failure-timeout\""
                        + " value=\"60s\"/></meta_attributes><operations>");
        assertEquals(List.of(), suspect(base), "without on-fail=block the timeout applies");
        String blocked = base.replace("interval=\"10s\" timeout=\"20s\"", "interval=\"10s\" timeout=\"20s\" on-fail=\"block\"");
        Problem p = only(suspect(blocked), "primitive", "ip", "failure-timeout");
        assertTrue(p.message().contains("on-fail=block") && p.message().contains("node1"), p.message());
        assertEquals(List.of(), suspect(blocked.replace("name=\"fail-count-ip#monitor_10000\" value=\"2\"",
                "name=\"fail-count-ip#monitor_10000\" value=\"0\"")), "no failure counted, nothing to ignore");
    }

    private static String pingHistory(String id, int callId, String operation, int rc) {
        return "<lrm_resource id=\"" + id + "\" class=\"ocf\" provider=\"pacemaker\" type=\"ping\"><lrm_rsc_op id=\""
                + id + "_last_0\" operation_key=\"" + id + "_" + operation + "_0\" operation=\"" + operation
                + "\" transition-key=\"9:1:0:abc\" call-id=\"" + callId + "\" rc-code=\"" + rc
                + "\" op-status=\"0\" interval=\"0\"/></lrm_resource>";
    }

    @Test
    void anonymousCloneOrphansFollowingFromHistory() throws Exception {
        String two = Fixtures.smallXml().replace("</lrm_resources>",
                pingHistory("ping:0", 7, "start", 0) + pingHistory("ping:1", 8, "start", 0) + "</lrm_resources>");
        Problem p = only(suspect(two), "lrm_resource", "ping:1", "id");
        assertTrue(p.message().contains("ping-clone") && p.message().contains("node1"), p.message());
        String oneStopped = Fixtures.smallXml().replace("</lrm_resources>",
                pingHistory("ping:0", 7, "start", 0) + pingHistory("ping:1", 8, "stop", 0) + "</lrm_resources>");
        assertEquals(List.of(), suspect(oneStopped), "a stopped history binds no instance");
        assertEquals(List.of(), suspect(two.replace("<nvpair id=\"ping-clone-max\"",
                "<nvpair id=\"ping-unique\" name=\"globally-unique\" value=\"true\"/><nvpair id=\"ping-clone-max\"")),
                "instances of a globally unique clone are distinct resources");
        String noInstances = oneStopped.replace("name=\"clone-max\" value=\"2\"", "name=\"clone-max\" value=\"0\"");
        Problem q = only(suspect(noInstances), "clone", "ping-clone", "clone-max");
        assertTrue(q.message().contains("active on 1 nodes but clone-max is 0"), q.message());
    }

    @Test
    void suicideWithoutFencingIsAnError() throws Exception {
        String suicide = Fixtures.smallXml().replace("name=\"no-quorum-policy\" value=\"stop\"", "name=\"no-quorum-policy\" value=\"suicide\"");
        Problem p = only(suspect(suicide), "cluster_property_set", null, "no-quorum-policy");
        assertTrue(p.isError() && p.message().contains("stonith-enabled=false"), p.toString());
    }

    @Test
    void watchdogCountsAsFencing() throws Exception {
        String fencing = Fixtures.smallXml().replace("name=\"stonith-enabled\" value=\"false\"", "name=\"stonith-enabled\" value=\"true\"");
        only(suspect(fencing), "cluster_property_set", null, "stonith-enabled");
        assertEquals(List.of(), suspect(fencing.replace("<nvpair id=\"opt-nqp\"",
                "<nvpair id=\"opt-wd\" name=\"have-watchdog\" value=\"true\"/><nvpair id=\"opt-nqp\"")));
    }
}
