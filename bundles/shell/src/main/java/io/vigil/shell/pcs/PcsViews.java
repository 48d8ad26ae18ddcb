package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ClusterOptions;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.shell.syntax.Scores;

/** What pcs shows of the configuration (config, constraint, defaults, property, node attribute), text and JSON. */
public final class PcsViews {

    private PcsViews() {
    }

    // ------------------------------------------------------------------ constraints

    /** {@code pcs constraint [--full]}: by kind, as pcs 0.10 lists them; ids with --full. */
    public static String constraints(Configuration c, boolean full, String onlyResource) {
        StringBuilder b = new StringBuilder("Location Constraints:\n");
        Map<String, List<LocationConstraint>> byRsc = new LinkedHashMap<>();
        for (Constraint k : c.constraints()) {
            if (k instanceof LocationConstraint l && matches(onlyResource, l.rsc())) {
                byRsc.computeIfAbsent(l.rsc() != null ? l.rsc() : "pattern " + l.rscPattern(),
                        x -> new ArrayList<>()).add(l);
            }
        }
        byRsc.forEach((rsc, list) -> {
            b.append("  Resource: ").append(rsc).append('\n');
            for (LocationConstraint l : list) {
                if (l.node() != null) {
                    boolean enabled = l.score() == null || l.score().value() >= 0;
                    b.append("    ").append(enabled ? "Enabled on:" : "Disabled on:").append('\n')
                            .append("      Node: ").append(l.node()).append(" (score:")
                            .append(l.score() == null ? "INFINITY" : Scores.text(l.score())).append(')')
                            .append(l.role() == null ? "" : " (role:" + l.role() + ")")
                            .append(full ? " (id:" + l.id() + ")" : "").append('\n');
                }
                if (!l.rules().isEmpty()) {
                    b.append("    Constraint").append(full ? " (id:" + l.id() + ")" : "").append(":")
                            .append(l.resourceDiscovery() == null ? "" : " resource-discovery="
                                    + l.resourceDiscovery()).append('\n');
                    for (Rule r : l.rules()) {
                        rule(b, r, "      ", full);
                    }
                }
            }
        });
        b.append("Ordering Constraints:\n");
        for (Constraint k : c.constraints()) {
            if (k instanceof OrderConstraint o && (matches(onlyResource, o.first())
                    || matches(onlyResource, o.then())) && o.first() != null) {
                b.append("  ").append(o.firstAction() == null ? "start" : o.firstAction()).append(' ')
                        .append(o.first()).append(" then ").append(o.thenAction() == null ? "start" : o.thenAction())
                        .append(' ').append(o.then()).append(" (kind:").append(o.kind() == null ? "Mandatory"
                                : o.kind()).append(')')
                        .append(o.symmetrical() == null ? "" : " (Options: symmetrical=" + o.symmetrical() + ")")
                        .append(full ? " (id:" + o.id() + ")" : "").append('\n');
            }
        }
        b.append("Colocation Constraints:\n");
        for (Constraint k : c.constraints()) {
            if (k instanceof ColocationConstraint l && (matches(onlyResource, l.rsc())
                    || matches(onlyResource, l.withRsc())) && l.rsc() != null) {
                b.append("  ").append(l.rsc()).append(" with ").append(l.withRsc()).append(" (score:")
                        .append(l.score() == null ? "INFINITY" : Scores.text(l.score())).append(')')
                        .append(l.rscRole() == null ? "" : " (rsc-role:" + l.rscRole() + ")")
                        .append(l.withRscRole() == null ? "" : " (with-rsc-role:" + l.withRscRole() + ")")
                        .append(full ? " (id:" + l.id() + ")" : "").append('\n');
            }
        }
        b.append("Ticket Constraints:");
        return b.toString();
    }

    private static boolean matches(String only, String rsc) {
        return only == null || only.equals(rsc);
    }

    private static void rule(StringBuilder b, Rule r, String indent, boolean full) {
        b.append(indent).append("Rule:");
        if (r.booleanOp() != null && r.conditions().size() > 1) {
            b.append(" boolean-op=").append(r.booleanOp());
        }
        if (r.score() != null) {
            b.append(" score=").append(Scores.text(r.score()));
        }
        if (r.scoreAttribute() != null) {
            b.append(" score-attribute=").append(r.scoreAttribute());
        }
        if (r.role() != null) {
            b.append(" role=").append(r.role());
        }
        b.append(full ? " (id:" + r.id() + ")" : "").append('\n');
        for (RuleCondition c : r.conditions()) {
            if (c instanceof Rule nested) {
                rule(b, nested, indent + "  ", full);
            } else {
                b.append(indent).append("  Expression: ").append(expression(c)).append(full ? " (id:" + id(c) + ")"
                        : "").append('\n');
            }
        }
    }

    /** An expression as it is typed: "not_defined pingd", "pingd lte 0", "date lt 2030-01-01". */
    public static String expression(RuleCondition c) {
        if (c instanceof Expression e) {
            if (e.operation().equals("defined") || e.operation().equals("not_defined")) {
                return e.operation() + " " + e.attribute();
            }
            return e.attribute() + " " + e.operation() + (e.type() == null ? "" : " " + e.type()) + " " + e.value();
        }
        if (c instanceof DateExpression d) {
            return switch (d.operation()) {
                case "gt" -> "date gt " + d.start();
                case "lt" -> "date lt " + d.end();
                case "date_spec" -> "date-spec " + pairs(d.dateSpec());
                default -> "date in_range " + d.start() + " to " + (d.end() != null ? d.end() : "duration "
                        + pairs(d.duration()));
            };
        }
        return c.toString();
    }

    private static String pairs(Map<String, String> m) {
        return m.entrySet().stream().filter(e -> !e.getKey().equals("id")).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String id(RuleCondition c) {
        if (c instanceof Expression e) {
            return e.id();
        }
        if (c instanceof DateExpression d) {
            return d.id();
        }
        return "";
    }

    // ------------------------------------------------------------------ resources

    /** {@code pcs resource config [ID]} / the Resources part of {@code pcs config}. */
    public static String resources(Configuration c, String only, boolean stonith) {
        StringBuilder b = new StringBuilder();
        for (Resource r : c.resources()) {
            boolean isStonith = r instanceof Primitive p && p.isFencingDevice();
            if (isStonith != stonith || only != null && r.flatten().stream().noneMatch(x -> x.id().equals(only))) {
                continue;
            }
            resource(b, r, " ");
        }
        return b.toString().stripTrailing();
    }

    private static void resource(StringBuilder b, Resource r, String indent) {
        if (r instanceof Group g) {
            b.append(indent).append("Group: ").append(g.id()).append('\n');
            sets(b, "Meta Attrs", g.metaAttributes(), indent + " ");
            for (Primitive p : g.members()) {
                resource(b, p, indent + " ");
            }
        } else if (r instanceof Clone c) {
            b.append(indent).append("Clone: ").append(c.id()).append('\n');
            sets(b, "Meta Attrs", c.metaAttributes(), indent + " ");
            resource(b, c.child(), indent + " ");
        } else {
            Primitive p = (Primitive) r;
            b.append(indent).append("Resource: ").append(p.id()).append(" (class=").append(p.standard())
                    .append(p.provider() == null ? "" : " provider=" + p.provider()).append(" type=").append(p.type())
                    .append(")\n");
            sets(b, "Attributes", p.instanceAttributes(), indent + " ");
            sets(b, "Meta Attrs", p.metaAttributes(), indent + " ");
            if (!p.operations().isEmpty()) {
                String pad = indent + " " + " ".repeat("Operations: ".length());
                for (int i = 0; i < p.operations().size(); i++) {
                    Operation o = p.operations().get(i);
                    b.append(i == 0 ? indent + " Operations: " : pad).append(o.name()).append(" interval=")
                            .append(o.interval()).append(o.timeout() == null ? "" : " timeout=" + o.timeout())
                            .append(o.role() == null ? "" : " role=" + o.role())
                            .append(o.onFail() == null ? "" : " on-fail=" + o.onFail());
                    o.otherAttributes().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
                    b.append(" (").append(o.id()).append(")\n");
                }
            }
        }
    }

    private static void sets(StringBuilder b, String label, AttributeSets sets, String indent) {
        List<String> pairs = new ArrayList<>();
        for (NvSet s : sets.sets()) {
            for (Nvpair p : s.pairs()) {
                pairs.add(p.name() + "=" + p.value());
            }
        }
        if (!pairs.isEmpty()) {
            b.append(indent).append(label).append(": ").append(String.join(" ", pairs)).append('\n');
        }
    }

    // ------------------------------------------------------------------ defaults, properties, nodes, levels

    /** {@code pcs resource defaults} / {@code pcs resource op defaults}. */
    public static String defaults(AttributeSets sets) {
        List<String> lines = new ArrayList<>();
        for (NvSet s : sets.sets()) {
            lines.add("Meta Attrs: " + s.id() + (s.rule() == null ? "" : " (with a rule)"));
            for (Nvpair p : s.pairs()) {
                lines.add("  " + p.name() + "=" + p.value());
            }
        }
        return lines.isEmpty() ? "No defaults set" : String.join("\n", lines);
    }

    public static JsonElement defaultsJson(AttributeSets sets) {
        JsonObject o = new JsonObject();
        for (NvSet s : sets.sets()) {
            for (Nvpair p : s.pairs()) {
                o.addProperty(p.name(), p.value());
            }
        }
        return o;
    }

    /** {@code pcs property [config [NAME]]}: the set properties, sorted (one, with its default, when named). */
    public static String properties(Configuration c, String only) {
        StringBuilder b = new StringBuilder("Cluster Properties:");
        Map<String, String> values = new java.util.TreeMap<>(c.properties().values());
        if (only != null) {
            String v = values.get(only);
            if (v == null) {
                v = ClusterOptions.find(only).map(o -> o.defaultValue() + " (default)").orElse("(not set)");
            }
            return b.append("\n ").append(only).append(": ").append(v).toString();
        }
        values.forEach((k, v) -> b.append("\n ").append(k).append(": ").append(v));
        return b.toString();
    }

    public static JsonElement propertiesJson(Configuration c) {
        JsonObject o = new JsonObject();
        new java.util.TreeMap<>(c.properties().values()).forEach(o::addProperty);
        return o;
    }

    /** Node attributes: permanent ones from the configuration, transient ones from the status. */
    public static Map<String, Map<String, String>> nodeAttributes(CibSnapshot cib, String onlyNode) {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        for (Node n : cib.configuration().nodes()) {
            if (onlyNode != null && !onlyNode.equals(n.uname())) {
                continue;
            }
            Map<String, String> attrs = new java.util.TreeMap<>();
            for (NvSet s : n.instanceAttributes().sets()) {
                for (Nvpair p : s.pairs()) {
                    attrs.put(p.name(), p.value());
                }
            }
            out.put(n.uname(), attrs);
        }
        return out;
    }

    public static String nodeAttributesText(Map<String, Map<String, String>> attrs, String name) {
        StringBuilder b = new StringBuilder("Node Attributes:");
        attrs.forEach((node, values) -> {
            List<String> shown = values.entrySet().stream().filter(e -> name == null || e.getKey().equals(name))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            if (!shown.isEmpty()) {
                b.append("\n ").append(node).append(": ").append(String.join(" ", shown));
            }
        });
        return b.toString();
    }

    public static String levels(Configuration c) {
        if (c.fencingTopology().isEmpty()) {
            return "No fencing levels configured";
        }
        Map<String, List<FencingLevel>> byTarget = new LinkedHashMap<>();
        for (FencingLevel l : c.fencingTopology()) {
            String target = l.target() != null ? "Node: " + l.target() : l.targetPattern() != null ? "Regexp: "
                    + l.targetPattern() : "Attribute: " + l.targetAttribute() + "=" + l.targetValue();
            byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(l);
        }
        StringBuilder b = new StringBuilder();
        byTarget.forEach((target, list) -> {
            b.append("Target ").append(target).append('\n');
            list.forEach(l -> b.append("  Level ").append(l.index()).append(" - ").append(String.join(",",
                    l.devices())).append('\n'));
        });
        return b.toString().stripTrailing();
    }

    // ------------------------------------------------------------------ config

    /** {@code pcs config}: everything pcs shows, in its order. */
    public static String config(CibSnapshot cib) {
        Configuration c = cib.configuration();
        StringBuilder b = new StringBuilder();
        b.append("Pacemaker Nodes:\n ").append(c.nodes().stream().map(Node::uname).collect(Collectors.joining(" ")))
                .append("\n\nResources:\n");
        String rs = resources(c, null, false);
        b.append(rs.isEmpty() ? "" : rs + "\n");
        b.append("\nStonith Devices:\n");
        String st = resources(c, null, true);
        b.append(st.isEmpty() ? "" : st + "\n");
        b.append("Fencing Levels:\n");
        if (!c.fencingTopology().isEmpty()) {
            levels(c).lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        b.append('\n').append(constraints(c, true, null)).append("\n\n");
        b.append("Resources Defaults:\n");
        defaults(c.rscDefaults()).lines().forEach(l -> b.append("  ").append(l).append('\n'));
        b.append("Operations Defaults:\n");
        defaults(c.opDefaults()).lines().forEach(l -> b.append("  ").append(l).append('\n'));
        b.append('\n').append(properties(c, null));
        return b.toString();
    }

    /** The configuration in Vigil's JSON form (the same data the text shows). */
    public static JsonElement configJson(CibSnapshot cib) {
        JsonObject all = JsonParser.parseString(CibJson.write(cib)).getAsJsonObject();
        JsonElement conf = all.get("configuration");
        return conf == null ? new JsonObject() : conf;
    }

    public static JsonElement constraintsJson(Configuration c) {
        JsonObject all = JsonParser.parseString(CibJson.write(new CibSnapshot(null, Map.of(), c, null)))
                .getAsJsonObject();
        JsonElement conf = all.get("configuration");
        JsonElement cs = conf != null && conf.isJsonObject() ? conf.getAsJsonObject().get("constraints") : null;
        return cs == null ? new JsonArray() : cs;
    }

    public static JsonElement nodeAttributesJson(Map<String, Map<String, String>> attrs) {
        JsonObject o = new JsonObject();
        attrs.forEach((n, m) -> {
            JsonObject x = new JsonObject();
            m.forEach(x::addProperty);
            o.add(n, x);
        });
        return o;
    }
}
