package io.vigil.cib.xml;

import org.w3c.dom.Element;

import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.ResourceSet;

/** Writes constraints. */
final class ConstraintWriter {
    private final XmlOut out;
    private final RuleWriter rules;

    ConstraintWriter(XmlOut out) {
        this.out = out;
        this.rules = new RuleWriter(out);
    }

    void write(Element parent, Constraint c) {
        if (c instanceof LocationConstraint l) {
                Element e = out.child(parent, "rsc_location");
                out.attr(e, "id", l.id()).attr(e, "rsc", l.rsc()).attr(e, "rsc-pattern", l.rscPattern())
                        .attr(e, "role", l.role()).attr(e, "node", l.node()).attr(e, "score", l.score())
                        .attr(e, "resource-discovery", l.resourceDiscovery()).attrs(e, l.otherAttributes());
                l.resourceSets().forEach(s -> set(e, s));
                l.rules().forEach(r -> rules.write(e, r));
        } else if (c instanceof ColocationConstraint k) {
                Element e = out.child(parent, "rsc_colocation");
                out.attr(e, "id", k.id()).attr(e, "rsc", k.rsc()).attr(e, "with-rsc", k.withRsc())
                        .attr(e, "score", k.score()).attr(e, "rsc-role", k.rscRole())
                        .attr(e, "with-rsc-role", k.withRscRole()).attr(e, "node-attribute", k.nodeAttribute())
                        .attrs(e, k.otherAttributes());
                k.resourceSets().forEach(s -> set(e, s));
        } else if (c instanceof OrderConstraint o) {
                Element e = out.child(parent, "rsc_order");
                out.attr(e, "id", o.id()).attr(e, "first", o.first()).attr(e, "first-action", o.firstAction())
                        .attr(e, "then", o.then()).attr(e, "then-action", o.thenAction()).attr(e, "kind", o.kind())
                        .attr(e, "score", o.score()).attr(e, "symmetrical", o.symmetrical())
                        .attrs(e, o.otherAttributes());
                o.resourceSets().forEach(s -> set(e, s));
        }
    }

    private void set(Element parent, ResourceSet s) {
        Element e = out.child(parent, "resource_set");
        out.attr(e, "id", s.id()).attr(e, "id-ref", s.idRef()).attr(e, "sequential", s.sequential())
                .attr(e, "require-all", s.requireAll()).attr(e, "ordering", s.ordering()).attr(e, "action", s.action())
                .attr(e, "role", s.role()).attr(e, "score", s.score()).attrs(e, s.otherAttributes());
        for (String ref : s.resourceRefs()) {
            out.attr(out.child(e, "resource_ref"), "id", ref);
        }
    }
}
