package io.vigil.shell.crm.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.ClusterOption;
import io.vigil.cib.model.ClusterOptions;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Clone;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.syntax.Suggest;

/**
 * A configure command + the configuration it meets → the CIB changes that carry it out, with the ids crmsh gives
 * (ID-instance_attributes, ID-meta_attributes, ID-OP-INTERVAL, LOCATION-rule …). Pure: nothing is applied here.
 */
public final class ConfigureTranslator {

    static final List<String> RESOURCE_META = List.of("resource-stickiness", "migration-threshold",
            "failure-timeout", "target-role", "is-managed", "priority", "multiple-active", "allow-migrate",
            "requires", "maintenance", "critical", "remote-node", "clone-max", "clone-node-max", "promotable",
            "promoted-max", "promoted-node-max", "master-max", "master-node-max", "notify", "globally-unique",
            "ordered", "interleave", "allow-unhealthy-nodes", "container-attribute-target");
    static final List<String> OP_DEFAULT_NAMES = List.of("timeout", "interval", "record-pending", "on-fail",
            "requires", "enabled", "start-delay", "interval-origin");

    private final AgentDefaults agents;

    public ConfigureTranslator(AgentDefaults agents) {
        this.agents = agents;
    }

    /**
     * The changes for {@code cmd} against {@code c}. With {@code replace}, an existing primitive or constraint of
     * the same id is replaced (as {@code load update} does); otherwise an id in use is an error.
     */
    public List<CibChange> translate(ConfigureCommand cmd, Configuration c, boolean replace) {
        if (cmd instanceof ConfigureCommand.Primitive p) {
            return primitive(p, c, replace);
        }
        if (cmd instanceof ConfigureCommand.Group g) {
            return group(g, c);
        }
        if (cmd instanceof ConfigureCommand.Clone k) {
            return clone(k, c);
        }
        if (cmd instanceof ConfigureCommand.Location l) {
            requireResource(c, l.rsc(), "location " + l.id());
            return constraint(location(l), c, replace);
        }
        if (cmd instanceof ConfigureCommand.Colocation x) {
            requireResource(c, x.rsc(), "colocation " + x.id());
            requireResource(c, x.withRsc(), "colocation " + x.id());
            return constraint(new ColocationConstraint(x.id(), x.rsc(), x.withRsc(), x.score(), x.rscRole(),
                    x.withRscRole(), x.nodeAttribute(), Map.of(), List.of()), c, replace);
        }
        if (cmd instanceof ConfigureCommand.Order o) {
            requireResource(c, o.first(), "order " + o.id());
            requireResource(c, o.then(), "order " + o.id());
            return constraint(new OrderConstraint(o.id(), o.first(), o.firstAction(), o.then(), o.thenAction(),
                    o.kind(), o.score(), o.symmetrical(), Map.of(), List.of()), c, replace);
        }
        if (cmd instanceof ConfigureCommand.ColocationSet x) {
            x.resources().forEach(r -> requireResource(c, r, "colocation " + x.id()));
            // crm reads "A B C" as A with B with C; in a sequential set each member is placed with the one before
            List<String> reversed = new ArrayList<>(x.resources());
            java.util.Collections.reverse(reversed);
            ResourceSet set = new ResourceSet(x.id() + "-0", null, null, null, null, null, x.role(), null, Map.of(),
                    reversed);
            return constraint(new ColocationConstraint(x.id(), null, null, x.score(), null, null, x.nodeAttribute(),
                    Map.of(), List.of(set)), c, replace);
        }
        if (cmd instanceof ConfigureCommand.OrderSet o) {
            o.resources().forEach(r -> requireResource(c, r, "order " + o.id()));
            ResourceSet set = new ResourceSet(o.id() + "-0", null, null, null, null, o.action(), null, null, Map.of(),
                    o.resources());
            return constraint(new OrderConstraint(o.id(), null, null, null, null, o.kind(), o.score(),
                    o.symmetrical(), Map.of(), List.of(set)), c, replace);
        }
        if (cmd instanceof ConfigureCommand.NameValues n) {
            return nameValues(n);
        }
        if (cmd instanceof ConfigureCommand.Delete d) {
            return delete(d, c);
        }
        throw new IllegalArgumentException("'" + cmd + "' does not change the configuration");
    }

    private List<CibChange> primitive(ConfigureCommand.Primitive p, Configuration c, boolean replace) {
        List<Operation> ops = new ArrayList<>();
        Set<String> opIds = new LinkedHashSet<>();
        for (ConfigureCommand.Op op : p.ops()) {
            Map<String, String> a = new LinkedHashMap<>(op.attributes());
            String interval = a.remove("interval");
            if (interval == null) {
                interval = op.name().equals("monitor") ? agents.monitorInterval(p.standard(), p.provider(), p.type())
                        .orElse(AgentDefaults.FALLBACK_MONITOR_INTERVAL) : "0s";
            }
            String timeout = a.remove("timeout");
            String role = a.remove("role");
            String onFail = a.remove("on-fail");
            String checkLevel = a.remove("OCF_CHECK_LEVEL");
            String id = p.id() + "-" + op.name() + "-" + interval + (role == null ? "" : "-" + role);
            if (!opIds.add(id)) {
                throw new CrmConfigException("primitive " + p.id() + " has two '" + op.name() + "' operations with "
                        + "interval " + interval + (role == null ? "" : " and role " + role)
                        + "; give them different intervals");
            }
            AttributeSets instance = checkLevel == null ? AttributeSets.EMPTY : AttributeSets.of(
                    set(id + "-instance_attributes", Map.of("OCF_CHECK_LEVEL", checkLevel)));
            ops.add(new Operation(id, op.name(), interval, timeout, role, onFail, a, AttributeSets.EMPTY, instance));
        }
        Primitive prim = new Primitive(p.id(), p.description(), p.standard(), p.provider(), p.type(), Map.of(),
                sets(p.id() + "-instance_attributes", p.params()), sets(p.id() + "-meta_attributes", p.meta()),
                sets(p.id() + "-utilization", p.utilization()), null, null, ops);
        checkMeta(p.meta(), "primitive " + p.id());
        Resource existing = c.allResources().get(p.id());
        if (existing != null) {
            if (replace && existing instanceof Primitive) {
                return List.of(new CibChange.ReplaceResource(prim));
            }
            throw inUse(p.id(), "resource");
        }
        requireFreeId(c, p.id());
        return List.of(new CibChange.CreateResource(prim));
    }

    private List<CibChange> group(ConfigureCommand.Group g, Configuration c) {
        requireFreeId(c, g.id());
        List<CibChange> changes = new ArrayList<>();
        List<Primitive> members = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String m : g.members()) {
            if (!seen.add(m)) {
                throw new CrmConfigException("group " + g.id() + " lists '" + m + "' twice");
            }
            Resource r = topLevel(c, m, "group " + g.id());
            if (!(r instanceof Primitive p)) {
                throw new CrmConfigException("group " + g.id() + ": '" + m + "' is a " + kind(r)
                        + "; a group holds primitives only");
            }
            members.add(p);
            changes.add(new CibChange.DeleteResource(m));
        }
        checkMeta(g.meta(), "group " + g.id());
        changes.add(new CibChange.CreateResource(new Group(g.id(), g.description(), Map.of(),
                sets(g.id() + "-instance_attributes", g.params()), sets(g.id() + "-meta_attributes", g.meta()),
                AttributeSets.EMPTY, members)));
        return changes;
    }

    private List<CibChange> clone(ConfigureCommand.Clone k, Configuration c) {
        String kind = k.promotable() ? "ms" : "clone";
        requireFreeId(c, k.id());
        Resource child = topLevel(c, k.child(), kind + " " + k.id());
        if (child instanceof Clone) {
            throw new CrmConfigException(kind + " " + k.id() + ": '" + k.child() + "' is already a clone");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (k.promotable()) {
            meta.put("promotable", "true");
        }
        meta.putAll(k.meta());
        checkMeta(meta, kind + " " + k.id());
        Clone clone = new Clone(k.id(), k.description(), Map.of(), sets(k.id() + "-instance_attributes", k.params()),
                sets(k.id() + "-meta_attributes", meta), false, child);
        return List.of(new CibChange.DeleteResource(k.child()), new CibChange.CreateResource(clone));
    }

    private static LocationConstraint location(ConfigureCommand.Location l) {
        List<Rule> rules = new ArrayList<>();
        for (ConfigureCommand.RuleSpec r : l.rules()) {
            List<RuleCondition> conditions = new ArrayList<>();
            for (int i = 0; i < r.conditions().size(); i++) {
                ConfigureCommand.Condition x = r.conditions().get(i);
                String id = r.id() + "-expression" + (i == 0 ? "" : "-" + i);
                conditions.add(new Expression(id, x.attribute(), x.operation(), x.value(), x.type(), null));
            }
            rules.add(new Rule(r.id(), null, r.booleanOp(), r.score(), r.scoreAttribute(), r.role(), conditions));
        }
        return new LocationConstraint(l.id(), l.rsc(), null, l.role(), l.node(), l.score(), l.resourceDiscovery(),
                Map.of(), rules, List.of());
    }

    private static List<CibChange> constraint(Constraint k, Configuration c, boolean replace) {
        boolean exists = c.constraints().stream().anyMatch(x -> x.id().equals(k.id()));
        if (exists) {
            if (replace) {
                return List.of(new CibChange.ReplaceConstraint(k));
            }
            throw inUse(k.id(), "constraint");
        }
        requireFreeId(c, k.id());
        return List.of(new CibChange.CreateConstraint(k));
    }

    private static List<CibChange> nameValues(ConfigureCommand.NameValues n) {
        List<CibChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : n.values().entrySet()) {
            switch (n.section()) {
                case PROPERTY -> {
                    List<String> known = ClusterOptions.all().stream().map(ClusterOption::name).toList();
                    checkName(e.getKey(), known, "cluster property");
                    changes.add(new CibChange.SetProperty(e.getKey(), e.getValue()));
                }
                case RSC_DEFAULTS -> {
                    checkName(e.getKey(), RESOURCE_META, "resource default");
                    changes.add(new CibChange.SetAttribute(CibChange.AttributeTarget.RSC_DEFAULTS,
                            n.setId() == null ? "rsc-options" : n.setId(), e.getKey(), e.getValue()));
                }
                default -> {
                    checkName(e.getKey(), OP_DEFAULT_NAMES, "operation default");
                    changes.add(new CibChange.SetAttribute(CibChange.AttributeTarget.OP_DEFAULTS,
                            n.setId() == null ? "op-options" : n.setId(), e.getKey(), e.getValue()));
                }
            }
        }
        return changes;
    }

    private static List<CibChange> delete(ConfigureCommand.Delete d, Configuration c) {
        List<CibChange> changes = new ArrayList<>();
        Set<String> deleted = new LinkedHashSet<>();
        for (String id : d.ids()) {
            if (c.constraints().stream().anyMatch(k -> k.id().equals(id))) {
                if (deleted.add(id)) {
                    changes.add(new CibChange.DeleteConstraint(id));
                }
                continue;
            }
            Resource r = c.allResources().get(id);
            if (r == null) {
                throw new CrmConfigException("nothing named '" + id + "' to delete" + idHint(c, id));
            }
            Resource parent = parentOf(c, id);
            if (parent instanceof Clone) {
                throw new CrmConfigException("'" + id + "' is inside clone " + parent.id() + "; delete "
                        + parent.id() + " instead");
            }
            // constraints that name the resource (or anything inside it) would dangle: crmsh removes them too
            Set<String> inside = new LinkedHashSet<>();
            r.flatten().forEach(x -> inside.add(x.id()));
            for (Constraint k : c.constraints()) {
                if (references(k, inside) && deleted.add(k.id())) {
                    changes.add(new CibChange.DeleteConstraint(k.id()));
                }
            }
            changes.add(new CibChange.DeleteResource(id));
        }
        return changes;
    }

    private static boolean references(Constraint k, Set<String> ids) {
        if (k instanceof LocationConstraint l) {
            return ids.contains(l.rsc()) || l.resourceSets().stream().anyMatch(s -> s.resourceRefs().stream()
                    .anyMatch(ids::contains));
        }
        if (k instanceof ColocationConstraint x) {
            return ids.contains(x.rsc()) || ids.contains(x.withRsc()) || x.resourceSets().stream()
                    .anyMatch(s -> s.resourceRefs().stream().anyMatch(ids::contains));
        }
        OrderConstraint o = (OrderConstraint) k;
        return ids.contains(o.first()) || ids.contains(o.then()) || o.resourceSets().stream()
                .anyMatch(s -> s.resourceRefs().stream().anyMatch(ids::contains));
    }

    private static Resource parentOf(Configuration c, String id) {
        for (Resource top : c.resources()) {
            if (!top.id().equals(id) && top.flatten().stream().anyMatch(x -> x.id().equals(id))) {
                return top;
            }
        }
        return null;
    }

    private static Resource topLevel(Configuration c, String id, String owner) {
        Resource r = c.allResources().get(id);
        if (r == null) {
            throw new CrmConfigException(owner + ": resource '" + id + "' does not exist" + resourceHint(c, id));
        }
        Resource parent = parentOf(c, id);
        if (parent != null) {
            throw new CrmConfigException(owner + ": '" + id + "' is already in " + kind(parent) + " " + parent.id());
        }
        return r;
    }

    private static void requireResource(Configuration c, String id, String owner) {
        if (!c.allResources().containsKey(id)) {
            throw new CrmConfigException(owner + ": resource '" + id + "' does not exist" + resourceHint(c, id));
        }
    }

    private static void requireFreeId(Configuration c, String id) {
        if (c.allResources().containsKey(id)) {
            throw inUse(id, "resource");
        }
        if (c.constraints().stream().anyMatch(k -> k.id().equals(id))) {
            throw inUse(id, "constraint");
        }
    }

    private static CrmConfigException inUse(String id, String kind) {
        return new CrmConfigException("id '" + id + "' is already used by a " + kind + "; choose another id or"
                + " 'crm configure delete " + id + "' first");
    }

    private static void checkMeta(Map<String, String> meta, String owner) {
        for (String name : meta.keySet()) {
            checkName(name, RESOURCE_META, "meta attribute of " + owner);
        }
    }

    /** Unknown names that look like a typo of a known one are refused; other unknown names pass (as in crmsh). */
    private static void checkName(String name, List<String> known, String what) {
        if (known.contains(name)) {
            return;
        }
        Suggest.nearest(name, known).ifPresent(s -> {
            throw new CrmConfigException("unknown " + what + " '" + name + "' — did you mean '" + s + "'?");
        });
    }

    private static String resourceHint(Configuration c, String id) {
        return Suggest.nearest(id, c.allResources().keySet()).map(s -> " — did you mean '" + s + "'?").orElse("");
    }

    private static String idHint(Configuration c, String id) {
        List<String> all = new ArrayList<>(c.allResources().keySet());
        c.constraints().forEach(k -> all.add(k.id()));
        return Suggest.nearest(id, all).map(s -> " — did you mean '" + s + "'?").orElse("");
    }

    static String kind(Resource r) {
        if (r instanceof Group) {
            return "group";
        }
        if (r instanceof Clone k) {
            return k.isPromotable() ? "promotable clone" : "clone";
        }
        return "primitive";
    }

    private static AttributeSets sets(String id, Map<String, String> values) {
        return values.isEmpty() ? AttributeSets.EMPTY : AttributeSets.of(set(id, values));
    }

    private static NvSet set(String id, Map<String, String> values) {
        List<Nvpair> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(Nvpair.of(id + "-" + k, k, v)));
        return NvSet.of(id, pairs);
    }
}
