package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.Rule;

/** Reads the constraints section; rsc_ticket is unsupported. */
final class ConstraintReader {
    private static final String SECTION = "constraints";
    private final ImportContext ctx;
    private final RuleReader rules;

    ConstraintReader(ImportContext ctx) {
        this.ctx = ctx;
        this.rules = new RuleReader(ctx);
    }

    List<Constraint> readSection(Element constraints) {
        List<Constraint> out = new ArrayList<>();
        for (Element e : Dom.children(constraints)) {
            switch (e.getTagName()) {
                case "rsc_location" -> out.add(location(e));
                case "rsc_colocation" -> out.add(colocation(e));
                case "rsc_order" -> out.add(order(e));
                case "rsc_ticket" -> ctx.unsupportedElement(e, SECTION, "tickets (multi-site) are not supported");
                default -> ctx.unsupportedElement(e, SECTION, "unknown constraint");
            }
        }
        return out;
    }

    private LocationConstraint location(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String rsc = a.get("rsc");
        String pattern = a.get("rsc-pattern");
        String role = a.get("role");
        String node = a.get("node");
        var score = ctx.score(a.get("score"), "rsc_location", id, "score");
        String discovery = a.get("resource-discovery");
        var other = a.rest();
        List<Rule> rs = new ArrayList<>();
        List<ResourceSet> sets = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "rule" -> rs.add(rules.read(c, SECTION));
                case "resource_set" -> sets.add(resourceSet(c));
                default -> ctx.unsupportedElement(c, SECTION, "unexpected element in rsc_location '" + id + "'");
            }
        }
        return new LocationConstraint(id, rsc, pattern, role, node, score, discovery, other, rs, sets);
    }

    private ColocationConstraint colocation(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        return new ColocationConstraint(id, a.get("rsc"), a.get("with-rsc"),
                ctx.score(a.get("score"), "rsc_colocation", id, "score"), a.get("rsc-role"), a.get("with-rsc-role"),
                a.get("node-attribute"), a.rest(), sets(e, id));
    }

    private OrderConstraint order(Element e) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        return new OrderConstraint(id, a.get("first"), a.get("first-action"), a.get("then"), a.get("then-action"),
                a.get("kind"), ctx.score(a.get("score"), "rsc_order", id, "score"), a.get("symmetrical"), a.rest(),
                sets(e, id));
    }

    private List<ResourceSet> sets(Element e, String id) {
        List<ResourceSet> sets = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            if (c.getTagName().equals("resource_set")) {
                sets.add(resourceSet(c));
            } else {
                ctx.unsupportedElement(c, SECTION, "unexpected element in " + e.getTagName() + " '" + id + "'");
            }
        }
        return sets;
    }

    private ResourceSet resourceSet(Element c) {
        XmlAttrs a = new XmlAttrs(c);
        String id = a.get("id");
        String idRef = a.get("id-ref");
        if (idRef != null) {
            ctx.unsupportedFeature("resource_set", idRef, SECTION, "id-ref to another resource set is kept but not resolved");
        }
        String sequential = a.get("sequential");
        String requireAll = a.get("require-all");
        String ordering = a.get("ordering");
        String action = a.get("action");
        String role = a.get("role");
        var score = ctx.score(a.get("score"), "resource_set", id, "score");
        var other = a.rest();
        List<String> refs = new ArrayList<>();
        for (Element r : Dom.children(c)) {
            if (r.getTagName().equals("resource_ref") && r.hasAttribute("id")) {
                refs.add(r.getAttribute("id"));
            } else {
                ctx.unsupportedElement(r, SECTION, "unexpected element in resource_set '" + id + "'");
            }
        }
        return new ResourceSet(id, idRef, sequential, requireAll, ordering, action, role, score, other, refs);
    }
}
