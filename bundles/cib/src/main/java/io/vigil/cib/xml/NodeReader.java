package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.Node;

/** Reads the nodes section. Remote nodes are kept in the model and reported as unsupported. */
final class NodeReader {
    private static final String SECTION = "nodes";
    private final ImportContext ctx;
    private final NvSetReader sets;

    NodeReader(ImportContext ctx) {
        this.ctx = ctx;
        this.sets = new NvSetReader(ctx);
    }

    List<Node> readSection(Element nodes) {
        List<Node> out = new ArrayList<>();
        for (Element e : Dom.children(nodes)) {
            if (e.getTagName().equals("node")) {
                out.add(node(e));
            } else {
                ctx.unsupportedElement(e, SECTION, "unknown element in nodes");
            }
        }
        return out;
    }

    private Node node(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String uname = a.get("uname");
        String type = a.get("type");
        var score = ctx.score(a.get("score"), "node", id, "score");
        String description = a.get("description");
        var other = a.rest();
        List<Element> inst = new ArrayList<>();
        List<Element> util = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "instance_attributes" -> inst.add(c);
                case "utilization" -> util.add(c);
                default -> ctx.unsupportedElement(c, SECTION, "unexpected element in node '" + id + "'");
            }
        }
        if ("remote".equals(type)) {
            ctx.unsupportedFeature("node", id, SECTION, "remote nodes (type=remote) are not supported");
        }
        return new Node(id, uname, type, score, description, other, sets.readAll(inst, SECTION), sets.readAll(util, SECTION));
    }
}
