package io.vigil.shell.crm.show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Score;

/**
 * A configuration in crm configure syntax, as {@code crm configure show} prints it: nodes, primitives, groups,
 * clones, constraints, then properties and defaults; continuation lines end in a backslash. What it prints
 * parses back to the same objects (what crm cannot express, such as resource sets, is printed as a comment).
 */
public final class CrmShow {

    private CrmShow() {
    }

    /** The whole configuration, or only the objects named in {@code ids} (empty = all). */
    public static String render(Configuration c, Set<String> ids) {
        List<String> out = new ArrayList<>();
        boolean all = ids.isEmpty();
        if (all) {
            for (Node n : c.nodes()) {
                out.add(node(n));
            }
        }
        List<Resource> flat = new ArrayList<>();
        c.resources().forEach(r -> flat.addAll(r.flatten()));
        for (Resource r : flat) {
            if (r instanceof Primitive p && (all || ids.contains(p.id()))) {
                out.add(primitive(p));
            }
        }
        for (Resource r : flat) {
            if (r instanceof Group g && (all || ids.contains(g.id()))) {
                out.add(container("group " + g.id() + " " + String.join(" ", g.members().stream()
                        .map(Primitive::id).toList()), g.description(), g.instanceAttributes(), g.metaAttributes()));
            }
        }
        for (Resource r : flat) {
            if (r instanceof Clone k && (all || ids.contains(k.id()))) {
                out.add(container("clone " + k.id() + " " + k.child().id(), k.description(), k.instanceAttributes(),
                        k.metaAttributes()));
            }
        }
        for (Class<?> kind : List.of(LocationConstraint.class, ColocationConstraint.class, OrderConstraint.class)) {
            for (Constraint k : c.constraints()) {
                if (kind.isInstance(k) && (all || ids.contains(k.id()))) {
                    out.add(constraint(k));
                }
            }
        }
        if (all || ids.contains("cib-bootstrap-options")) {
            for (NvSet s : c.crmConfig()) {
                out.add(nameValues("property", s));
            }
        }
        if (all) {
            c.rscDefaults().sets().forEach(s -> out.add(nameValues("rsc_defaults", s)));
            c.opDefaults().sets().forEach(s -> out.add(nameValues("op_defaults", s)));
        }
        return String.join("\n", out);
    }

    private static String node(Node n) {
        Lines l = new Lines("node " + n.id() + ": " + n.uname());
        Map<String, String> attrs = n.instanceAttributes().unconditional();
        if (!attrs.isEmpty()) {
            l.add("attributes" + pairs(attrs));
        }
        return l.toString();
    }

    private static String primitive(Primitive p) {
        Lines l = new Lines("primitive " + p.id() + " " + p.agent());
        if (p.description() != null) {
            l.add("description=" + quote(p.description()));
        }
        section(l, "params", p.instanceAttributes());
        section(l, "meta", p.metaAttributes());
        section(l, "utilization", p.utilization());
        for (Operation o : p.operations()) {
            StringBuilder b = new StringBuilder("op " + o.name());
            b.append(" interval=").append(quote(o.interval()));
            if (o.timeout() != null) {
                b.append(" timeout=").append(quote(o.timeout()));
            }
            if (o.role() != null) {
                b.append(" role=").append(o.role());
            }
            if (o.onFail() != null) {
                b.append(" on-fail=").append(o.onFail());
            }
            b.append(pairs(o.otherAttributes()));
            b.append(pairs(o.instanceAttributes().unconditional()));
            l.add(b.toString());
        }
        return l.toString();
    }

    private static String container(String head, String description, AttributeSets params, AttributeSets meta) {
        Lines l = new Lines(head);
        if (description != null) {
            l.add("description=" + quote(description));
        }
        section(l, "params", params);
        section(l, "meta", meta);
        return l.toString();
    }

    private static String constraint(Constraint k) {
        if (!k.resourceSets().isEmpty()) {
            return resourceSet(k);
        }
        if (k instanceof LocationConstraint l) {
            String head = "location " + l.id() + " " + l.rsc() + (l.role() == null ? "" : " role=" + l.role());
            String tail = l.resourceDiscovery() == null ? "" : " resource-discovery=" + l.resourceDiscovery();
            if (l.rules().isEmpty()) {
                return head + " " + score(l.score()) + ": " + l.node() + tail;
            }
            Lines lines = new Lines(head);
            for (Rule r : l.rules()) {
                lines.add(rule(l.id(), r, l.rules().indexOf(r)) + tail);
            }
            return lines.toString();
        }
        if (k instanceof ColocationConstraint x) {
            return "colocation " + x.id() + " " + score(x.score()) + ": " + withSuffix(x.rsc(), x.rscRole()) + " "
                    + withSuffix(x.withRsc(), x.withRscRole())
                    + (x.nodeAttribute() == null ? "" : " node-attribute=" + x.nodeAttribute());
        }
        OrderConstraint o = (OrderConstraint) k;
        String kind = o.kind() != null ? o.kind() + ": " : o.score() != null ? score(o.score()) + ": " : "";
        return "order " + o.id() + " " + kind + withSuffix(o.first(), o.firstAction()) + " "
                + withSuffix(o.then(), o.thenAction())
                + (o.symmetrical() == null ? "" : " symmetrical=" + o.symmetrical());
    }

    /** One plain sequential set is crm's "more than two resources" form; anything else is not expressible yet. */
    private static String resourceSet(Constraint k) {
        io.vigil.cib.model.ResourceSet set = k.resourceSets().get(0);
        boolean plain = k.resourceSets().size() == 1 && set.isSequential() && set.isRequireAll() && set.idRef() == null
                && set.ordering() == null && set.score() == null && set.otherAttributes().isEmpty();
        if (plain && k instanceof ColocationConstraint x && set.action() == null) {
            List<String> rs = new ArrayList<>(set.resourceRefs());
            java.util.Collections.reverse(rs);
            return "colocation " + x.id() + " " + score(x.score()) + ": " + String.join(" ", rs.stream()
                    .map(r -> withSuffix(r, set.role())).toList())
                    + (x.nodeAttribute() == null ? "" : " node-attribute=" + x.nodeAttribute());
        }
        if (plain && k instanceof OrderConstraint o && set.role() == null) {
            String kind = o.kind() != null ? o.kind() + ": " : o.score() != null ? score(o.score()) + ": " : "";
            return "order " + o.id() + " " + kind + String.join(" ", set.resourceRefs().stream()
                    .map(r -> withSuffix(r, set.action())).toList())
                    + (o.symmetrical() == null ? "" : " symmetrical=" + o.symmetrical());
        }
        return "# " + k.id() + ": a constraint with resource sets crm cannot write in one line (see show xml)";
    }

    private static String rule(String locationId, Rule r, int index) {
        StringBuilder b = new StringBuilder("rule");
        String defaultId = locationId + "-rule" + (index == 0 ? "" : "-" + index);
        if (r.id() != null && !r.id().equals(defaultId)) {
            b.append(" $id=").append(r.id());
        }
        if (r.role() != null) {
            b.append(" $role=").append(r.role());
        }
        b.append(' ').append(r.scoreAttribute() != null ? r.scoreAttribute() : score(r.score())).append(':');
        String join = " " + (r.booleanOp() == null ? "and" : r.booleanOp()) + " ";
        List<String> parts = new ArrayList<>();
        for (RuleCondition rc : r.conditions()) {
            if (rc instanceof Expression e) {
                if (e.operation().equals("defined") || e.operation().equals("not_defined")) {
                    parts.add(e.operation() + " " + e.attribute());
                } else {
                    parts.add(e.attribute() + " " + (e.type() == null ? "" : e.type() + ":") + e.operation() + " "
                            + quote(e.value()));
                }
            } else {
                parts.add("# (" + rc.getClass().getSimpleName() + " not shown in crm syntax yet)");
            }
        }
        return b.append(' ').append(String.join(join, parts)).toString();
    }

    private static String nameValues(String keyword, NvSet s) {
        Lines l = new Lines(keyword + " " + s.id() + ":");
        s.pairs().forEach(p -> l.add(p.name() + "=" + quote(p.value())));
        return l.toString();
    }

    private static void section(Lines l, String keyword, AttributeSets sets) {
        Map<String, String> values = sets.unconditional();
        if (!values.isEmpty()) {
            l.add(keyword + pairs(values));
        }
    }

    private static String pairs(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(' ').append(k).append('=').append(quote(v)));
        return b.toString();
    }

    private static String withSuffix(String rsc, String suffix) {
        return suffix == null ? rsc : rsc + ":" + suffix;
    }

    /** inf, -inf or the number, as crm writes scores. */
    public static String score(Score s) {
        if (s == null) {
            return "0";
        }
        if (s.value() >= Score.INFINITY_VALUE) {
            return "inf";
        }
        if (s.value() <= -Score.INFINITY_VALUE) {
            return "-inf";
        }
        return Integer.toString(s.value());
    }

    static String quote(String v) {
        if (v == null) {
            return "\"\"";
        }
        if (v.isEmpty() || v.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == '\''
                || ch == '\\' || ch == '#')) {
            return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return v;
    }

    /** A head line plus continuation lines, joined crm-style with " \" and a tab. */
    private static final class Lines {
        private final StringBuilder b;

        Lines(String head) {
            b = new StringBuilder(head);
        }

        void add(String line) {
            b.append(" \\\n\t").append(line);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

}
