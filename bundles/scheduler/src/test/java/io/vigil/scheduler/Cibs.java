package io.vigil.scheduler;

import io.vigil.cib.CibFiles;
import io.vigil.cib.model.CibSnapshot;

/** Tiny hand-made CIBs for the stage tests. */
final class Cibs {
    private Cibs() {
    }

    static String node(String n) {
        return "<node id=\"" + n + "\" uname=\"" + n + "\"/>";
    }

    static String up(String n, String lrm) {
        return "<node_state id=\"" + n + "\" uname=\"" + n + "\" in_ccm=\"true\" crmd=\"online\" join=\"member\""
                + " expected=\"member\"><lrm id=\"" + n + "\"><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
    }

    static String down(String n) {
        return "<node_state id=\"" + n + "\" uname=\"" + n + "\" in_ccm=\"false\" crmd=\"offline\" join=\"down\""
                + " expected=\"member\"/>";
    }

    static String running(String rsc, int rc) {
        return "<lrm_resource id=\"" + rsc + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<lrm_rsc_op id=\"" + rsc + "_last_0\" operation=\"start\" call-id=\"2\" rc-code=\"" + rc + "\""
                + " op-status=\"" + (rc == 0 ? 0 : 4) + "\" interval=\"0\" transition-key=\"1:1:0:x\"/>"
                + "</lrm_resource>";
    }

    static String prim(String id) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<operations><op id=\"" + id + "-mon\" name=\"monitor\" interval=\"10s\"/></operations></primitive>";
    }

    static CibSnapshot cib(String props, String nodes, String resources, String constraints, String status) {
        String xml = "<cib have-quorum=\"true\" validate-with=\"pacemaker-3.0\" epoch=\"1\" num_updates=\"0\""
                + " admin_epoch=\"0\"><configuration><crm_config><cluster_property_set id=\"c\">"
                + props + "</cluster_property_set></crm_config><nodes>" + nodes + "</nodes><resources>" + resources
                + "</resources><constraints>" + constraints + "</constraints></configuration><status>" + status
                + "</status></cib>";
        try {
            return CibFiles.load(xml, "test").snapshot();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String nofence() {
        return "<nvpair id=\"c1\" name=\"stonith-enabled\" value=\"false\"/>";
    }
}
