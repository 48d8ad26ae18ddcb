package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Status;

/** Reads the status section: node_state, transient attributes and the operation history. Tickets are unsupported. */
final class StatusReader {
    private static final String SECTION = "status";
    private final ImportContext ctx;
    private final NvSetReader sets;

    StatusReader(ImportContext ctx) {
        this.ctx = ctx;
        this.sets = new NvSetReader(ctx);
    }

    Status readSection(Element status) {
        List<NodeState> nodes = new ArrayList<>();
        for (Element e : Dom.children(status)) {
            switch (e.getTagName()) {
                case "node_state" -> nodes.add(nodeState(e));
                case "tickets" -> ctx.unsupportedElement(e, SECTION, "tickets (multi-site) are not supported");
                default -> ctx.unsupportedElement(e, SECTION, "unknown element in status");
            }
        }
        return new Status(nodes, ImportContext.canonical(ctx.statusUnsupported));
    }

    private NodeState nodeState(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String uname = a.get("uname");
        var attributes = a.rest();
        if (io.vigil.cib.model.Truth.isTrue(attributes.get("remote_node"))) {
            ctx.unsupportedFeature("node_state", id, SECTION, "status of a remote or guest node is kept but not acted on");
        }
        String transientId = null;
        List<NvSet> transientSets = new ArrayList<>();
        String lrmId = null;
        List<LrmResource> resources = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "transient_attributes" -> {
                    transientId = c.hasAttribute("id") ? c.getAttribute("id") : "";
                    for (Element s : Dom.children(c)) {
                        if (s.getTagName().equals("instance_attributes")) {
                            transientSets.add(sets.read(s, SECTION));
                        } else {
                            ctx.unsupportedElement(s, SECTION, "unexpected element in transient_attributes");
                        }
                    }
                }
                case "lrm" -> {
                    lrmId = c.hasAttribute("id") ? c.getAttribute("id") : "";
                    for (Element lr : Dom.children(c)) {
                        if (lr.getTagName().equals("lrm_resources")) {
                            for (Element r : Dom.children(lr)) {
                                resources.add(lrmResource(r));
                            }
                        } else {
                            ctx.unsupportedElement(lr, SECTION, "unexpected element in lrm");
                        }
                    }
                }
                default -> ctx.unsupportedElement(c, SECTION, "unexpected element in node_state '" + id + "'");
            }
        }
        return new NodeState(id, uname, attributes, transientId, transientSets, lrmId, resources);
    }

    private LrmResource lrmResource(Element r) {
        XmlAttrs a = new XmlAttrs(r);
        String id = a.get("id");
        String standard = a.get("class");
        String provider = a.get("provider");
        String type = a.get("type");
        var other = a.rest();
        List<LrmRscOp> ops = new ArrayList<>();
        for (Element op : Dom.children(r)) {
            if (op.getTagName().equals("lrm_rsc_op")) {
                ops.add(new LrmRscOp(XmlAttrs.all(op)));
            } else {
                ctx.unsupportedElement(op, SECTION, "unexpected element in lrm_resource '" + id + "'");
            }
        }
        return new LrmResource(id, standard, provider, type, other, ops);
    }
}
