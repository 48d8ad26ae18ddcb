package io.vigil.cib.change;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.vigil.cib.Problem;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;

/** Applies configuration changes; a change naming a missing object fails with a problem naming it. */
final class ConfigurationEditor {

    private ConfigurationEditor() {
    }

    static Configuration apply(Configuration c, CibChange change) throws ChangeFailure {
        if (change instanceof CibChange.CreateResource x) {
            List<Resource> rs = new ArrayList<>(c.resources());
            rs.add(x.resource());
            return c.withResources(rs);
        }
        if (change instanceof CibChange.ReplaceResource x) {
            return replaceResource(c, x.resource().id(), old -> x.resource());
        }
        if (change instanceof CibChange.DeleteResource x) {
            return deleteResource(c, x.id());
        }
        if (change instanceof CibChange.CreateConstraint x) {
            List<Constraint> cs = new ArrayList<>(c.constraints());
            cs.add(x.constraint());
            return c.withConstraints(cs);
        }
        if (change instanceof CibChange.ReplaceConstraint x) {
            return c.withConstraints(replaceById(c.constraints(), x.constraint().id(), x.constraint(), "rsc_constraint"));
        }
        if (change instanceof CibChange.DeleteConstraint x) {
            return c.withConstraints(replaceById(c.constraints(), x.id(), null, "rsc_constraint"));
        }
        if (change instanceof CibChange.CreateNode x) {
            if (c.nodeByName(x.node().uname()).isPresent()) {
                throw new ChangeFailure(Problem.error("node", x.node().uname(), "uname", "node '" + x.node().uname()
                        + "' is already configured"));
            }
            List<Node> ns = new ArrayList<>(c.nodes());
            ns.add(x.node());
            return c.withNodes(ns);
        }
        if (change instanceof CibChange.DeleteNode x) {
            return c.withNodes(replaceNode(c.nodes(), x.id(), null));
        }
        if (change instanceof CibChange.CreateFencingLevel x) {
            if (c.fencingTopology().stream().anyMatch(l -> l.id().equals(x.level().id()))) {
                throw new ChangeFailure(Problem.error("fencing-level", x.level().id(), "id",
                        "a fencing-level with this id already exists"));
            }
            List<io.vigil.cib.model.FencingLevel> ls = new ArrayList<>(c.fencingTopology());
            ls.add(x.level());
            return c.withFencingTopology(ls);
        }
        if (change instanceof CibChange.DeleteFencingLevel x) {
            List<io.vigil.cib.model.FencingLevel> ls = new ArrayList<>(c.fencingTopology());
            if (!ls.removeIf(l -> l.id().equals(x.id()))) {
                throw new ChangeFailure(Problem.error("fencing-level", x.id(), "id", "no such fencing-level"));
            }
            return c.withFencingTopology(ls);
        }
        if (change instanceof CibChange.SetProperty x) {
            return c.withCrmConfig(NvSets.set(new AttributeSets(c.crmConfig()), "cib-bootstrap-options", x.name(), x.value()).sets());
        }
        if (change instanceof CibChange.UnsetProperty x) {
            return c.withCrmConfig(NvSets.unset(new AttributeSets(c.crmConfig()), x.name()).sets());
        }
        if (change instanceof CibChange.SetAttribute x) {
            return attribute(c, x.target(), x.objectId(), sets -> NvSets.set(sets, setId(x), x.name(), x.value()));
        }
        if (change instanceof CibChange.UnsetAttribute x) {
            return attribute(c, x.target(), x.objectId(), sets -> NvSets.unset(sets, x.name()));
        }
        throw new IllegalArgumentException("not a configuration change: " + change);
    }

    private static String setId(CibChange.SetAttribute x) {
        if (x.target() == CibChange.AttributeTarget.RSC_DEFAULTS) {
            return "rsc-options"; // the ids pcs and crmsh give these sets
        }
        if (x.target() == CibChange.AttributeTarget.OP_DEFAULTS) {
            return "op-options";
        }
        return x.objectId() + (x.target() == CibChange.AttributeTarget.RESOURCE_META ? "-meta_attributes" : "-instance_attributes");
    }

    private static Configuration attribute(Configuration c, CibChange.AttributeTarget target, String id,
                                           UnaryOperator<AttributeSets> edit) throws ChangeFailure {
        if (target == CibChange.AttributeTarget.RSC_DEFAULTS) {
            return c.withRscDefaults(edit.apply(c.rscDefaults()));
        }
        if (target == CibChange.AttributeTarget.OP_DEFAULTS) {
            return c.withOpDefaults(edit.apply(c.opDefaults()));
        }
        if (target == CibChange.AttributeTarget.NODE) {
            Node n = c.nodes().stream().filter(x -> id.equals(x.id()) || id.equals(x.uname())).findFirst()
                    .orElseThrow(() -> new ChangeFailure(Problem.error("node", id, "id", "no such node")));
            Node changed = new Node(n.id(), n.uname(), n.type(), n.score(), n.description(), n.otherAttributes(),
                    edit.apply(n.instanceAttributes()), n.utilization());
            return c.withNodes(replaceNode(c.nodes(), n.id(), changed));
        }
        boolean meta = target == CibChange.AttributeTarget.RESOURCE_META;
        return replaceResource(c, id, r -> withSets(r, meta, edit));
    }

    private static Resource withSets(Resource r, boolean meta, UnaryOperator<AttributeSets> edit) {
        AttributeSets m = meta ? edit.apply(r.metaAttributes()) : r.metaAttributes();
        AttributeSets i = meta ? r.instanceAttributes() : edit.apply(r.instanceAttributes());
        if (r instanceof Primitive p) {
            return new Primitive(p.id(), p.description(), p.standard(), p.provider(), p.type(), p.otherAttributes(), i, m,
                    p.utilization(), p.operationsId(), p.operationsIdRef(), p.operations());
        }
        if (r instanceof Group g) {
            return new Group(g.id(), g.description(), g.otherAttributes(), i, m, g.utilization(), g.members());
        }
        Clone c = (Clone) r;
        return new Clone(c.id(), c.description(), c.otherAttributes(), i, m, c.legacyMaster(), c.child());
    }

    private static Configuration replaceResource(Configuration c, String id, UnaryOperator<Resource> edit) throws ChangeFailure {
        boolean[] found = {false};
        List<Resource> out = new ArrayList<>();
        for (Resource r : c.resources()) {
            out.add(replaceIn(r, id, edit, found));
        }
        if (!found[0]) {
            throw new ChangeFailure(Problem.error("resource", id, "id", "no such resource"));
        }
        return c.withResources(out);
    }

    private static Resource replaceIn(Resource r, String id, UnaryOperator<Resource> edit, boolean[] found) {
        if (id.equals(r.id())) {
            found[0] = true;
            return edit.apply(r);
        }
        if (r instanceof Group g) {
            List<Primitive> members = new ArrayList<>();
            for (Primitive m : g.members()) {
                Resource changed = replaceIn(m, id, edit, found);
                if (changed instanceof Primitive p) {
                    members.add(p);
                } else {
                    // A group can hold only primitives; keep the invalid object visible to validation instead.
                    return new Group(g.id(), g.description(), g.otherAttributes(), g.instanceAttributes(),
                            g.metaAttributes(), g.utilization(), members);
                }
            }
            return new Group(g.id(), g.description(), g.otherAttributes(), g.instanceAttributes(), g.metaAttributes(),
                    g.utilization(), members);
        }
        if (r instanceof Clone c && c.child() != null) {
            return new Clone(c.id(), c.description(), c.otherAttributes(), c.instanceAttributes(), c.metaAttributes(),
                    c.legacyMaster(), replaceIn(c.child(), id, edit, found));
        }
        return r;
    }

    private static Configuration deleteResource(Configuration c, String id) throws ChangeFailure {
        List<Resource> out = new ArrayList<>();
        boolean found = false;
        for (Resource r : c.resources()) {
            if (id.equals(r.id())) {
                found = true;
            } else if (r instanceof Group g && g.members().stream().anyMatch(m -> id.equals(m.id()))) {
                found = true;
                out.add(new Group(g.id(), g.description(), g.otherAttributes(), g.instanceAttributes(), g.metaAttributes(),
                        g.utilization(), g.members().stream().filter(m -> !id.equals(m.id())).toList()));
            } else {
                out.add(r);
            }
        }
        if (!found) {
            throw new ChangeFailure(Problem.error("resource", id, "id",
                    "no such top-level resource or group member; delete the clone that contains it instead"));
        }
        return c.withResources(out);
    }

    private static List<Constraint> replaceById(List<Constraint> list, String id, Constraint with, String kind) throws ChangeFailure {
        List<Constraint> out = new ArrayList<>();
        boolean found = false;
        for (Constraint k : list) {
            if (id.equals(k.id())) {
                found = true;
                if (with != null) {
                    out.add(with);
                }
            } else {
                out.add(k);
            }
        }
        if (!found) {
            throw new ChangeFailure(Problem.error(kind, id, "id", "no such constraint"));
        }
        return out;
    }

    private static List<Node> replaceNode(List<Node> list, String id, Node with) throws ChangeFailure {
        List<Node> out = new ArrayList<>();
        boolean found = false;
        for (Node n : list) {
            if (id.equals(n.id())) {
                found = true;
                if (with != null) {
                    out.add(with);
                }
            } else {
                out.add(n);
            }
        }
        if (!found) {
            throw new ChangeFailure(Problem.error("node", id, "id", "no such node"));
        }
        return out;
    }
}
