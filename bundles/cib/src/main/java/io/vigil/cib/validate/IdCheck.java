package io.vigil.cib.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.cib.Problem;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.OpExpression;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.RscExpression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Tag;

/**
 * Every configuration id must be unique (as in Pacemaker's schema, where they are XML IDs); nodes are exempt.
 * A group member whose id is already used by another resource is reported as such.
 */
final class IdCheck implements Check {

    private final Map<String, String> seen = new HashMap<>();
    private List<Problem> problems;

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        this.problems = problems;
        seen.clear();
        Configuration c = cib.configuration();
        c.crmConfig().forEach(s -> set("cluster_property_set", s));
        c.nodes().forEach(n -> {
            sets(n.instanceAttributes(), "instance_attributes");
            sets(n.utilization(), "utilization");
        });
        c.resources().forEach(r -> resource(r, null));
        c.constraints().forEach(this::constraint);
        sets(c.rscDefaults(), "meta_attributes");
        sets(c.opDefaults(), "meta_attributes");
        for (FencingLevel l : c.fencingTopology()) {
            id(l.id(), "fencing-level");
        }
        for (Tag t : c.tags()) {
            id(t.id(), "tag");
        }
    }

    private void id(String id, String kind) {
        id(id, kind, null);
    }

    private void id(String id, String kind, String context) {
        if (id == null) {
            return;
        }
        String previous = seen.putIfAbsent(id, kind);
        if (previous != null) {
            String where = context == null ? "" : " (" + context + ")";
            problems.add(Problem.error(kind, id, "id", "id '" + id + "' is already used by a " + previous + where
                    + "; every id in the configuration must be unique — rename one of them"));
        }
    }

    private void resource(Resource r, String parent) {
        if (r instanceof Primitive p && parent != null && seen.containsKey(p.id())) {
            problems.add(Problem.error("group", parent, "members", "member '" + p.id()
                    + "' is already configured elsewhere (as a " + seen.get(p.id()) + "); a resource can be in one place only"));
        } else {
            id(r.id(), kindOf(r));
        }
        sets(r.instanceAttributes(), "instance_attributes");
        sets(r.metaAttributes(), "meta_attributes");
        if (r instanceof Primitive p) {
            sets(p.utilization(), "utilization");
            id(p.operationsId(), "operations");
            for (Operation o : p.operations()) {
                id(o.id(), "op");
                sets(o.metaAttributes(), "meta_attributes");
                sets(o.instanceAttributes(), "instance_attributes");
            }
        } else if (r instanceof Group g) {
            sets(g.utilization(), "utilization");
            g.members().forEach(m -> resource(m, g.id()));
        } else if (r instanceof Clone c && c.child() != null) {
            resource(c.child(), null);
        }
    }

    static String kindOf(Resource r) {
        if (r instanceof Primitive) {
            return "primitive";
        }
        return r instanceof Group ? "group" : "clone";
    }

    private void constraint(Constraint c) {
        String kind = c instanceof LocationConstraint ? "rsc_location"
                : c instanceof ColocationConstraint ? "rsc_colocation" : "rsc_order";
        id(c.id(), kind);
        for (ResourceSet s : c.resourceSets()) {
            id(s.id(), "resource_set");
        }
        if (c instanceof LocationConstraint l) {
            l.rules().forEach(this::rule);
        }
    }

    private void sets(AttributeSets sets, String kind) {
        sets.sets().forEach(s -> set(kind, s));
    }

    private void set(String kind, NvSet s) {
        id(s.id(), kind);
        if (s.rule() != null) {
            rule(s.rule());
        }
        for (Nvpair p : s.pairs()) {
            id(p.id(), "nvpair");
        }
    }

    private void rule(Rule r) {
        id(r.id(), "rule");
        for (RuleCondition c : r.conditions()) {
            if (c instanceof Rule nested) {
                rule(nested);
            } else if (c instanceof DateExpression d) {
                id(d.id(), "date_expression");
                id(d.duration().get("id"), "duration");
                id(d.dateSpec().get("id"), "date_spec");
            } else if (c instanceof Expression || c instanceof RscExpression || c instanceof OpExpression) {
                id(c.id(), "expression");
            }
        }
    }
}
