package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;

/** Reads the resources section: primitive, group, clone, master; bundles and templates are unsupported. */
final class ResourceReader {
    private static final String SECTION = "resources";
    private final ImportContext ctx;
    private final NvSetReader sets;

    ResourceReader(ImportContext ctx) {
        this.ctx = ctx;
        this.sets = new NvSetReader(ctx);
    }

    List<Resource> readSection(Element resources) {
        List<Resource> out = new ArrayList<>();
        for (Element e : Dom.children(resources)) {
            Resource r = read(e);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** A resource, or null when the element is unsupported (then reported with its XML kept). */
    Resource read(Element e) {
        return switch (e.getTagName()) {
            case "primitive" -> primitive(e);
            case "group" -> group(e);
            case "clone" -> clone(e, false);
            case "master" -> clone(e, true);
            case "bundle" -> unsupported(e, "bundles (containers) are not supported");
            case "template" -> unsupported(e, "resource templates are not supported");
            default -> unsupported(e, "unknown resource element");
        };
    }

    private Resource unsupported(Element e, String reason) {
        ctx.unsupportedElement(e, SECTION, reason);
        return null;
    }

    private Primitive primitive(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String description = a.get("description");
        String standard = a.get("class");
        String provider = a.get("provider");
        String type = a.get("type");
        var other = a.rest();
        if (other.containsKey("template")) {
            ctx.unsupportedFeature("primitive", id, SECTION, "template '" + other.get("template") + "' is not supported");
        }
        List<Element> inst = new ArrayList<>();
        List<Element> meta = new ArrayList<>();
        List<Element> util = new ArrayList<>();
        String operationsId = null;
        String operationsIdRef = null;
        List<Operation> ops = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "instance_attributes" -> inst.add(c);
                case "meta_attributes" -> meta.add(c);
                case "utilization" -> util.add(c);
                case "operations" -> {
                    XmlAttrs oa = new XmlAttrs(c);
                    operationsId = oa.get("id");
                    operationsIdRef = oa.get("id-ref");
                    if (operationsIdRef != null) {
                        ctx.unsupportedFeature("operations", operationsIdRef, SECTION,
                                "operations id-ref in primitive '" + id + "' is kept but not resolved");
                    }
                    for (Element op : Dom.children(c)) {
                        if (op.getTagName().equals("op")) {
                            ops.add(operation(op));
                        } else {
                            ctx.unsupportedElement(op, SECTION, "unexpected element in operations");
                        }
                    }
                }
                default -> ctx.unsupportedElement(c, SECTION, "unexpected element in primitive '" + id + "'");
            }
        }
        Primitive p = new Primitive(id, description, standard, provider, type, other,
                sets.readAll(inst, SECTION), sets.readAll(meta, SECTION), sets.readAll(util, SECTION), operationsId, operationsIdRef, ops);
        if ("ocf".equals(standard) && "pacemaker".equals(provider) && "remote".equals(type)) {
            ctx.unsupportedFeature("primitive", id, SECTION, "Pacemaker Remote connections (remote nodes) are not supported");
        }
        if (p.metaAttributes().mentions("remote-node")) {
            ctx.unsupportedFeature("primitive", id, SECTION, "guest nodes (meta attribute remote-node) are not supported");
        }
        return p;
    }

    private Operation operation(Element op) {
        XmlAttrs a = new XmlAttrs(op);
        String id = a.get("id");
        String name = a.get("name");
        String interval = a.get("interval");
        String timeout = a.get("timeout");
        String role = a.get("role");
        String onFail = a.get("on-fail");
        var other = a.rest();
        List<Element> meta = new ArrayList<>();
        List<Element> inst = new ArrayList<>();
        for (Element c : Dom.children(op)) {
            switch (c.getTagName()) {
                case "meta_attributes" -> meta.add(c);
                case "instance_attributes" -> inst.add(c);
                default -> ctx.unsupportedElement(c, SECTION, "unexpected element in op '" + id + "'");
            }
        }
        return new Operation(id, name, interval, timeout, role, onFail, other,
                sets.readAll(meta, SECTION), sets.readAll(inst, SECTION));
    }

    private Group group(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String description = a.get("description");
        var other = a.rest();
        List<Element> inst = new ArrayList<>();
        List<Element> meta = new ArrayList<>();
        List<Element> util = new ArrayList<>();
        List<Primitive> members = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "instance_attributes" -> inst.add(c);
                case "meta_attributes" -> meta.add(c);
                case "utilization" -> util.add(c);
                case "primitive" -> members.add(primitive(c));
                default -> ctx.unsupportedElement(c, SECTION, "a group may contain only primitives");
            }
        }
        return new Group(id, description, other, sets.readAll(inst, SECTION), sets.readAll(meta, SECTION),
                sets.readAll(util, SECTION), members);
    }

    private Clone clone(Element e, boolean legacyMaster) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String description = a.get("description");
        var other = a.rest();
        List<Element> inst = new ArrayList<>();
        List<Element> meta = new ArrayList<>();
        Resource child = null;
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "instance_attributes" -> inst.add(c);
                case "meta_attributes" -> meta.add(c);
                default -> {
                    if (child == null) {
                        child = read(c);
                    } else {
                        ctx.unsupportedElement(c, SECTION, "a clone has exactly one child resource");
                    }
                }
            }
        }
        AttributeSets metaSets = sets.readAll(meta, SECTION);
        return new Clone(id, description, other, sets.readAll(inst, SECTION), metaSets, legacyMaster, child);
    }
}
