package io.vigil.shell.cluster;

import java.util.List;

import io.vigil.shell.output.Xml;

/** {@code crm_mon --output-as xml}: Pacemaker's pacemaker-result layout (summary, nodes, resources, failures). */
public final class StatusXml {

    private StatusXml() {
    }

    public static String xml(ClusterStatus s) {
        StringBuilder b = new StringBuilder();
        b.append("<pacemaker-result api-version=\"2.25\" request=\"crm_mon --output-as xml\">\n");
        b.append("  <summary>\n    <stack type=\"vigil\"/>\n");
        b.append("    <current_dc present=\"").append(!s.dc().isEmpty()).append("\" name=\"").append(Xml.attr(s.dc()))
                .append("\" with_quorum=\"").append(s.quorate()).append("\"/>\n");
        b.append("    <cib version=\"").append(Xml.attr(s.version())).append("\"/>\n");
        b.append("    <nodes_configured number=\"").append(s.nodes().size()).append("\"/>\n");
        b.append("  </summary>\n  <nodes>\n");
        s.nodes().forEach((n, st) -> b.append("    <node name=\"").append(Xml.attr(n)).append("\" online=\"")
                .append(st.equals("online") || st.equals("standby") || st.equals("maintenance"))
                .append("\" standby=\"").append(st.equals("standby")).append("\" maintenance=\"")
                .append(st.equals("maintenance")).append("\" unclean=\"").append(st.startsWith("UNCLEAN"))
                .append("\" is_dc=\"").append(n.equals(s.dc())).append("\" type=\"member\"/>\n"));
        b.append("  </nodes>\n  <resources>\n");
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            resource(b, r, "    ");
        }
        b.append("  </resources>\n");
        if (!s.failures().isEmpty()) {
            b.append("  <failures>\n");
            for (ResourceStates.FailedAction f : s.failures()) {
                b.append("    <failure op_key=\"").append(Xml.attr(f.resource() + "_" + f.operation() + "_"
                        + f.intervalMs())).append("\" node=\"").append(Xml.attr(f.node())).append("\" exitstatus=\"")
                        .append(f.rc()).append("\" exitreason=\"").append(Xml.attr(f.reason())).append("\" task=\"")
                        .append(Xml.attr(f.operation())).append("\" interval=\"").append(f.intervalMs())
                        .append("\" status=\"").append(f.opStatus()).append("\"/>\n");
            }
            b.append("  </failures>\n");
        }
        if (!s.fencing().isEmpty()) {
            b.append("  <fence_history>\n");
            for (io.vigil.fencing.api.FenceEvent e : s.fencing()) {
                b.append("    <fence_event action=\"").append(Xml.attr(e.action())).append("\" target=\"")
                        .append(Xml.attr(e.target())).append("\" delegate=\"").append(Xml.attr(e.executioner()))
                        .append("\" origin=\"").append(Xml.attr(e.origin())).append("\" status=\"")
                        .append(e.succeeded() ? "success" : "failed").append("\" completed=\"")
                        .append(Xml.attr(String.valueOf(e.completed()))).append("\"/>\n");
            }
            b.append("  </fence_history>\n");
        }
        b.append("  <status code=\"0\" message=\"OK\"/>\n</pacemaker-result>");
        return b.toString();
    }

    private static void resource(StringBuilder b, ClusterStatus.ResourceStatus r, String indent) {
        switch (r.kind()) {
            case "group" -> {
                b.append(indent).append("<group id=\"").append(Xml.attr(r.id())).append("\" number_resources=\"")
                        .append(r.members().size()).append("\">\n");
                r.members().forEach(m -> resource(b, m, indent + "  "));
                b.append(indent).append("</group>\n");
            }
            case "clone", "promotable" -> {
                b.append(indent).append("<clone id=\"").append(Xml.attr(r.id())).append("\" multi_state=\"")
                        .append(r.kind().equals("promotable")).append("\">\n");
                for (ResourceStates.Active a : r.active()) {
                    b.append(indent).append("  <resource id=\"").append(Xml.attr(a.resource())).append("\" role=\"")
                            .append(Xml.attr(a.role())).append("\" active=\"true\" failed=\"").append(a.failed())
                            .append("\" nodes_running_on=\"1\">\n").append(indent).append("    <node name=\"")
                            .append(Xml.attr(a.node())).append("\"/>\n").append(indent).append("  </resource>\n");
                }
                b.append(indent).append("</clone>\n");
            }
            default -> {
                List<ResourceStates.Active> active = r.active();
                String role = active.isEmpty() ? "Stopped" : active.get(0).role();
                b.append(indent).append("<resource id=\"").append(Xml.attr(r.id())).append("\" resource_agent=\"")
                        .append(Xml.attr(r.agent())).append("\" role=\"").append(Xml.attr(role))
                        .append("\" target_role=\"").append(Xml.attr(r.target())).append("\" active=\"")
                        .append(!active.isEmpty()).append("\" failed=\"").append(active.stream()
                                .anyMatch(ResourceStates.Active::failed)).append("\" nodes_running_on=\"")
                        .append(active.size()).append("\"");
                if (active.isEmpty()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n");
                    active.forEach(a -> b.append(indent).append("  <node name=\"").append(Xml.attr(a.node()))
                            .append("\"/>\n"));
                    b.append(indent).append("</resource>\n");
                }
            }
        }
    }
}
