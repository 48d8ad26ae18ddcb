package io.vigil.shell.crm.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Score;
import io.vigil.shell.crm.command.NodeCommand;
import io.vigil.shell.crm.command.ResourceCommand;
import io.vigil.shell.crm.syntax.Suggest;

/**
 * {@code crm resource} and {@code crm node} against a snapshot: the changes to make (pure), or the text to show.
 * move/ban write the {@code cli-prefer-RSC} / {@code cli-ban-RSC-on-NODE} constraints crm_resource writes; start
 * and stop set target-role; cleanup forgets the operation history and fail counts, as crm_resource --cleanup.
 */
public final class ResourceTranslator {

    private ResourceTranslator() {
    }

    /** The changes for a resource action (empty when there is nothing to change); reading actions → error. */
    public static List<CibChange> changes(ResourceCommand r, CibSnapshot s) {
        Configuration c = s.configuration();
        if (r.rsc() != null && !c.allResources().containsKey(r.rsc())) {
            throw new CrmConfigException("resource '" + r.rsc() + "' does not exist" + Suggest.nearest(r.rsc(),
                    c.allResources().keySet()).map(x -> " — did you mean '" + x + "'?").orElse(""));
        }
        List<CibChange> out = new ArrayList<>();
        switch (r.action()) {
            case START, STOP -> out.add(new CibChange.SetAttribute(CibChange.AttributeTarget.RESOURCE_META, r.rsc(),
                    "target-role", r.action() == ResourceCommand.Action.START ? "Started" : "Stopped"));
            case MOVE, BAN -> {
                String node = r.node() != null ? r.node() : currentNode(r.rsc(), s);
                requireNode(s, node);
                boolean move = r.action() == ResourceCommand.Action.MOVE;
                String id = move ? "cli-prefer-" + r.rsc() : "cli-ban-" + r.rsc() + "-on-" + node;
                Map<String, String> other = r.lifetime() == null ? Map.of() : Map.of("lifetime", r.lifetime());
                LocationConstraint k = new LocationConstraint(id, r.rsc(), null, null, node,
                        move ? Score.INFINITY : Score.MINUS_INFINITY, null, other, List.of(), List.of());
                boolean exists = c.constraints().stream().anyMatch(x -> x.id().equals(id));
                out.add(exists ? new CibChange.ReplaceConstraint(k) : new CibChange.CreateConstraint(k));
            }
            case CLEAR -> {
                for (Constraint k : c.constraints()) {
                    if (k.id().equals("cli-prefer-" + r.rsc()) || k.id().startsWith("cli-ban-" + r.rsc() + "-on-")) {
                        out.add(new CibChange.DeleteConstraint(k.id()));
                    }
                }
            }
            case CLEANUP -> {
                if (r.node() != null) {
                    requireNode(s, r.node());
                }
                for (NodeState n : s.status().nodes()) {
                    if (r.node() != null && !r.node().equals(n.uname())) {
                        continue;
                    }
                    for (LrmResource l : n.lrmResources()) {
                        if (matches(r.rsc(), l.id())) {
                            out.add(new CibChange.DeleteOperationHistory(n.uname(), l.id(), null));
                        }
                    }
                    n.failCounts().stream().map(FailCount::resource).filter(x -> matches(r.rsc(), x)).distinct()
                            .forEach(x -> out.add(new CibChange.ClearFailCount(n.uname(), x, null)));
                }
            }
            case FAILCOUNT_DELETE -> {
                requireNode(s, r.node());
                s.status().nodes().stream().filter(n -> n.uname().equals(r.node())).forEach(n -> n.failCounts()
                        .stream().map(FailCount::resource).filter(x -> matches(r.rsc(), x)).distinct()
                        .forEach(x -> out.add(new CibChange.ClearFailCount(n.uname(), x, null))));
            }
            default -> throw new IllegalArgumentException(r.action() + " changes nothing");
        }
        return out;
    }

    /** Where a resource runs, as the recorded operations say ({@code crm resource status}). */
    public record Placement(String resource, List<String> runningOn, List<String> promotedOn) {
        public Placement {
            runningOn = List.copyOf(runningOn);
            promotedOn = List.copyOf(promotedOn);
        }
    }

    /** A resource's fail count on a node (the sum over its operations), INFINITY spelled out. */
    public record FailCountValue(String resource, String node, String value) {
    }

    /** {@code crm resource status [RSC]}: every primitive (or the one named), where it runs. */
    public static List<Placement> status(String rsc, CibSnapshot s) {
        Configuration c = s.configuration();
        if (rsc != null && !c.allResources().containsKey(rsc)) {
            throw new CrmConfigException("resource '" + rsc + "' does not exist" + Suggest.nearest(rsc,
                    c.allResources().keySet()).map(x -> " — did you mean '" + x + "'?").orElse(""));
        }
        List<String> ids = rsc != null ? List.of(rsc) : c.resources().stream().flatMap(x -> x.flatten().stream())
                .filter(x -> x instanceof io.vigil.cib.model.Primitive).map(x -> x.id()).toList();
        List<Placement> out = new ArrayList<>();
        for (String id : ids) {
            List<String> on = new ArrayList<>();
            List<String> promoted = new ArrayList<>();
            for (NodeState n : s.status().nodes()) {
                for (LrmResource l : n.lrmResources()) {
                    if (matches(id, l.id())) {
                        lastOp(l).filter(ResourceTranslator::active).ifPresent(op -> {
                            on.add(n.uname());
                            if (op.rcCode() == 8 || "promote".equals(op.operation())) {
                                promoted.add(n.uname());
                            }
                        });
                    }
                }
            }
            out.add(new Placement(id, on, promoted));
        }
        return out;
    }

    /** {@code crm resource failcount RSC show NODE}. */
    public static FailCountValue failcount(String rsc, String node, CibSnapshot s) {
        requireNode(s, node);
        long total = 0;
        for (NodeState n : s.status().nodes()) {
            if (n.uname().equals(node)) {
                for (FailCount f : n.failCounts()) {
                    if (matches(rsc, f.resource())) {
                        total = Score.of(total).plus(f.count()).value();
                    }
                }
            }
        }
        return new FailCountValue(rsc, node, total >= Score.INFINITY_VALUE ? "INFINITY" : Long.toString(total));
    }

    /** A configured node attribute ({@code crm node attribute NODE show NAME}). */
    public record NodeAttributeValue(String node, String name, String value) {
    }

    /** The changes of {@code crm node standby|online|attribute set|delete}. */
    public static List<CibChange> changes(NodeCommand n, CibSnapshot s) {
        Node node = configuredNode(s, n.node());
        return switch (n.action()) {
            case STANDBY -> List.of(new CibChange.SetAttribute(CibChange.AttributeTarget.NODE, node.id(), "standby", "on"));
            case ONLINE -> List.of(new CibChange.SetAttribute(CibChange.AttributeTarget.NODE, node.id(), "standby", "off"));
            case ATTRIBUTE_SET -> List.of(new CibChange.SetAttribute(CibChange.AttributeTarget.NODE, node.id(), n.name(),
                    n.value()));
            case ATTRIBUTE_DELETE -> {
                if (!node.instanceAttributes().unconditional().containsKey(n.name())) {
                    throw new CrmConfigException("node " + n.node() + " has no attribute '" + n.name() + "'"
                            + Suggest.nearest(n.name(), node.instanceAttributes().unconditional().keySet())
                                    .map(x -> " — did you mean '" + x + "'?").orElse(""));
                }
                yield List.of(new CibChange.UnsetAttribute(CibChange.AttributeTarget.NODE, node.id(), n.name()));
            }
            case ATTRIBUTE_SHOW -> throw new IllegalArgumentException("attribute show changes nothing");
        };
    }

    /** {@code crm node attribute NODE show NAME}. */
    public static NodeAttributeValue nodeAttribute(NodeCommand n, CibSnapshot s) {
        Node node = configuredNode(s, n.node());
        String v = node.instanceAttributes().unconditional().get(n.name());
        if (v == null) {
            throw new CrmConfigException("node " + n.node() + " has no attribute '" + n.name() + "'");
        }
        return new NodeAttributeValue(n.node(), n.name(), v);
    }

    private static Node configuredNode(CibSnapshot s, String name) {
        return s.configuration().nodes().stream().filter(x -> x.uname().equals(name) || x.id().equals(name))
                .findFirst().orElseThrow(() -> new CrmConfigException("node '" + name + "' is not in the cluster"
                        + nodeHint(s, name)));
    }

    private static void requireNode(CibSnapshot s, String name) {
        boolean known = s.configuration().nodes().stream().anyMatch(x -> x.uname().equals(name))
                || s.status().nodes().stream().anyMatch(x -> name.equals(x.uname()));
        if (!known) {
            throw new CrmConfigException("node '" + name + "' is not in the cluster" + nodeHint(s, name));
        }
    }

    private static String nodeHint(CibSnapshot s, String name) {
        List<String> names = new ArrayList<>();
        s.configuration().nodes().forEach(x -> names.add(x.uname()));
        return Suggest.nearest(name, names).map(x -> " — did you mean '" + x + "'?")
                .orElse(names.isEmpty() ? "" : " (nodes: " + String.join(", ", names) + ")");
    }

    /** The one node a resource runs on now (for move/ban without a node), or an error saying what to give. */
    private static String currentNode(String rsc, CibSnapshot s) {
        Configuration c = s.configuration();
        List<String> primitives = c.allResources().get(rsc).flatten().stream()
                .filter(x -> x instanceof io.vigil.cib.model.Primitive).map(x -> x.id()).toList();
        List<String> nodes = new ArrayList<>();
        for (String p : primitives) {
            for (Placement pl : status(p, s)) {
                pl.runningOn().stream().filter(n -> !nodes.contains(n)).forEach(nodes::add);
            }
        }
        if (nodes.size() != 1) {
            throw new CrmConfigException("resource " + rsc + " is " + (nodes.isEmpty() ? "not running"
                    : "running on " + String.join(", ", nodes)) + ": name the node (crm resource move|ban " + rsc
                    + " NODE)");
        }
        return nodes.get(0);
    }

    /** The resource itself or one of its clone instances (rsc:0, rsc:1 …); null matches all. */
    private static boolean matches(String rsc, String id) {
        return rsc == null || id.equals(rsc) || id.startsWith(rsc + ":");
    }

    private static Optional<LrmRscOp> lastOp(LrmResource l) {
        return l.ops().stream().filter(o -> o.callId() >= 0).max(Comparator.comparingInt(LrmRscOp::callId));
    }

    private static boolean active(LrmRscOp op) {
        String name = op.operation();
        boolean ok = op.rcCode() == 0 || op.rcCode() == 8;
        return ok && !"stop".equals(name) && !"demote".equals(name) || (op.rcCode() == 0 && "demote".equals(name));
    }
}
