package io.vigil.shell.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Score;
import io.vigil.fencing.api.FenceEvent;
import io.vigil.fencing.api.FencingService;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.quorum.api.QuorumService;
import io.vigil.shell.command.ShellCommand;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code pcs …}: the everyday subset of pcs — properties, resource create/delete/enable/disable/move/ban/clear/
 * cleanup, node standby/unstandby, status. Every change is validated before it is applied; a rejected command
 * changes nothing.
 */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=pcs"})
public class PcsCommand extends ShellCommand {

    private final CibService cib;
    private final AgentRegistry agents;
    private final ClusterMessaging messaging;
    private final QuorumService quorum;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FencingService fencing;

    @Activate
    public PcsCommand(@Reference CibService cib, @Reference AgentRegistry agents,
            @Reference ClusterMessaging messaging, @Reference QuorumService quorum) {
        this.cib = cib;
        this.agents = agents;
        this.messaging = messaging;
        this.quorum = quorum;
    }

    @Override
    protected String run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            return usage();
        }
        String area = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (area) {
            case "property":
                return property(rest);
            case "resource":
                return resource(rest);
            case "node":
                return node(rest);
            case "stonith":
                return stonith(rest);
            case "status":
                return StatusFormat.text(ClusterStatus.of(cib.current(), messaging.view(), quorum.state(), fencingHistory()));
            default:
                throw new IllegalArgumentException("pcs: unknown command '" + area + "' (property, resource, node, "
                        + "status)");
        }
    }

    private String property(List<String> args) throws Exception {
        if (args.size() >= 2 && args.get(0).equals("set")) {
            List<CibChange> changes = new ArrayList<>();
            for (String kv : args.subList(1, args.size())) {
                String[] p = pair(kv, "property set");
                changes.add(p[1].isEmpty() ? new CibChange.UnsetProperty(p[0]) : new CibChange.SetProperty(p[0], p[1]));
            }
            return apply(changes);
        }
        if (args.size() >= 2 && args.get(0).equals("unset")) {
            List<CibChange> changes = new ArrayList<>();
            for (String k : args.subList(1, args.size())) {
                changes.add(new CibChange.UnsetProperty(k));
            }
            return apply(changes);
        }
        throw new IllegalArgumentException("usage: pcs property set NAME=VALUE... | pcs property unset NAME...");
    }

    private String resource(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: pcs resource create|delete|enable|disable|move|ban|clear|"
                    + "cleanup ...");
        }
        String verb = args.get(0);
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        switch (verb) {
            case "create":
                return create(rest);
            case "delete":
            case "remove":
                need(rest, 1, "pcs resource delete ID");
                return apply(List.of(new CibChange.DeleteResource(rest.get(0))));
            case "enable":
                need(rest, 1, "pcs resource enable ID");
                return apply(List.of(new CibChange.UnsetAttribute(CibChange.AttributeTarget.RESOURCE_META,
                        rest.get(0), "target-role")));
            case "disable":
                need(rest, 1, "pcs resource disable ID");
                return apply(List.of(new CibChange.SetAttribute(CibChange.AttributeTarget.RESOURCE_META,
                        rest.get(0), "target-role", "Stopped")));
            case "move":
                need(rest, 2, "pcs resource move ID NODE");
                return location("cli-prefer-" + rest.get(0), rest.get(0), rest.get(1), Score.INFINITY);
            case "ban":
                need(rest, 2, "pcs resource ban ID NODE");
                return location("cli-ban-" + rest.get(0) + "-on-" + rest.get(1), rest.get(0), rest.get(1),
                        Score.MINUS_INFINITY);
            case "clear":
                need(rest, 1, "pcs resource clear ID");
                return clear(rest.get(0));
            case "cleanup":
                return cleanup(rest.isEmpty() ? null : rest.get(0));
            default:
                throw new IllegalArgumentException("pcs resource: unknown command '" + verb + "'");
        }
    }

    private String create(List<String> args) throws Exception {
        if (args.size() < 2) {
            throw new IllegalArgumentException("usage: pcs resource create ID AGENT [NAME=VALUE...] [op ACTION "
                    + "NAME=VALUE...]... [meta NAME=VALUE...] [--group GROUP] [--disabled]");
        }
        String id = args.get(0);
        AgentId agent = agent(args.get(1));
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Operation> ops = new ArrayList<>();
        String group = null;
        String section = "params";
        Map<String, String> op = null;
        String opName = null;
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--group") && i + 1 < args.size()) {
                group = args.get(++i);
            } else if (a.equals("--disabled")) {
                meta.put("target-role", "Stopped");
            } else if (a.equals("op") && i + 1 < args.size()) {
                if (op != null) {
                    ops.add(operation(id, opName, op));
                }
                opName = args.get(++i);
                op = new LinkedHashMap<>();
                section = "op";
            } else if (a.equals("meta")) {
                section = "meta";
            } else {
                String[] kv = pair(a, "resource create");
                switch (section) {
                    case "op" -> op.put(kv[0], kv[1]);
                    case "meta" -> meta.put(kv[0], kv[1]);
                    default -> params.put(kv[0], kv[1]);
                }
            }
        }
        if (op != null) {
            ops.add(operation(id, opName, op));
        }
        if (ops.stream().noneMatch(o -> o.name().equals("monitor"))) {
            // pcs adds the agent's advised monitor; without metadata, 10 s as Pacemaker's examples do
            String interval = agents.metadata(agent).flatMap(md -> md.action(io.vigil.api.agent.AgentAction.MONITOR))
                    .map(s -> s.interval().toSeconds() + "s").filter(s -> !s.equals("0s")).orElse("10s");
            ops.add(operation(id, "monitor", Map.of("interval", interval)));
        }
        Primitive p = new Primitive(id, null, agent.standard(), agent.provider(), agent.type(), Map.of(),
                sets(id + "-instance_attributes", params), sets(id + "-meta_attributes", meta), null, null, null,
                ops);
        if (group == null) {
            return apply(List.of(new CibChange.CreateResource(p)));
        }
        CibSnapshot s = cib.current();
        Resource existing = s.configuration().resource(group).orElse(null);
        if (existing == null) {
            return apply(s, List.of(new CibChange.CreateResource(new Group(group, null, Map.of(), null, null, null,
                    List.of(p)))));
        }
        if (!(existing instanceof Group g)) {
            throw new IllegalArgumentException("'" + group + "' is not a group");
        }
        List<Primitive> members = new ArrayList<>(g.members());
        members.add(p);
        return apply(s, List.of(new CibChange.ReplaceResource(new Group(g.id(), g.description(), g.otherAttributes(),
                g.instanceAttributes(), g.metaAttributes(), g.utilization(), members))));
    }

    private static Operation operation(String rsc, String name, Map<String, String> attrs) {
        Map<String, String> rest = new LinkedHashMap<>(attrs);
        String interval = rest.remove("interval");
        String timeout = rest.remove("timeout");
        String role = rest.remove("role");
        String onFail = rest.remove("on-fail");
        interval = interval == null ? "0s" : interval;
        String id = rsc + "-" + name + "-interval-" + interval;
        return new Operation(id, name, interval, timeout, role, onFail, rest, null, null);
    }

    private static AttributeSets sets(String id, Map<String, String> values) {
        if (values.isEmpty()) {
            return AttributeSets.EMPTY;
        }
        List<Nvpair> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(Nvpair.of(id + "-" + k, k, v)));
        return AttributeSets.of(NvSet.of(id, pairs));
    }

    private AgentId agent(String text) {
        if (text.contains(":")) {
            return AgentId.parse(text);
        }
        List<AgentId> matches = agents.agentIds().stream().filter(a -> a.type().equals(text)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("unknown agent '" + text + "' (see 'agents'; give class:provider:type)");
        }
        throw new IllegalArgumentException("agent '" + text + "' is ambiguous: " + matches + "; give the full name");
    }

    private String location(String id, String rsc, String node, Score score) throws Exception {
        CibSnapshot s = cib.current();
        LocationConstraint c = new LocationConstraint(id, rsc, null, null, node, score, null, Map.of(), List.of(),
                List.of());
        boolean exists = s.configuration().constraints().stream().anyMatch(x -> x.id().equals(id));
        List<CibChange> changes = new ArrayList<>();
        // a move replaces an earlier move of the same resource
        if (id.startsWith("cli-prefer-")) {
            s.configuration().constraints().stream().filter(x -> x.id().equals(id)).findFirst()
                    .ifPresent(x -> changes.add(new CibChange.DeleteConstraint(id)));
            changes.add(new CibChange.CreateConstraint(c));
        } else {
            changes.add(exists ? new CibChange.ReplaceConstraint(c) : new CibChange.CreateConstraint(c));
        }
        return apply(s, changes);
    }

    private String clear(String rsc) throws Exception {
        CibSnapshot s = cib.current();
        List<CibChange> changes = new ArrayList<>();
        s.configuration().constraints().stream().filter(c -> c.id().equals("cli-prefer-" + rsc)
                || c.id().startsWith("cli-ban-" + rsc + "-on-")).forEach(c -> changes.add(
                        new CibChange.DeleteConstraint(c.id())));
        if (changes.isEmpty()) {
            return "nothing to clear for " + rsc;
        }
        return apply(s, changes);
    }

    private String cleanup(String rsc) throws Exception {
        CibSnapshot s = cib.current();
        List<CibChange> changes = new ArrayList<>();
        for (NodeState n : s.status().nodes()) {
            for (var l : n.lrmResources()) {
                String base = l.id().contains(":") ? l.id().substring(0, l.id().indexOf(':')) : l.id();
                if (rsc == null || base.equals(rsc)) {
                    changes.add(new CibChange.DeleteOperationHistory(n.uname(), l.id(), null));
                }
            }
            if (n.failCounts().stream().anyMatch(f -> rsc == null || f.resource().equals(rsc)
                    || f.resource().startsWith(rsc + ":"))) {
                n.failCounts().stream().map(f -> f.resource()).filter(r -> rsc == null || r.equals(rsc)
                        || r.startsWith(rsc + ":")).distinct().forEach(r -> changes.add(
                                new CibChange.ClearFailCount(n.uname(), r, null)));
            }
        }
        if (changes.isEmpty()) {
            return "Cleaned up " + (rsc == null ? "all resources" : rsc) + " (nothing recorded)";
        }
        apply(s, changes);
        return "Cleaned up " + (rsc == null ? "all resources" : rsc) + " on all nodes";
    }

    private String stonith(List<String> args) throws Exception {
        if (args.size() >= 3 && args.get(0).equals("create")) {
            List<String> rest = new ArrayList<>(args.subList(1, args.size()));
            String agent = rest.get(1);
            rest.set(1, agent.startsWith("stonith:") ? agent : "stonith:" + agent);
            return create(rest);
        }
        if (args.size() == 2 && args.get(0).equals("fence")) {
            FencingService f = requireFencing();
            FenceEvent e = f.fence(args.get(1), "reboot").toCompletableFuture().get(120, TimeUnit.SECONDS);
            if (!e.succeeded()) {
                throw new IllegalStateException("fencing " + args.get(1) + " failed: " + e.reason());
            }
            return "Node: " + args.get(1) + " fenced (" + e.devices() + ")";
        }
        if (!args.isEmpty() && args.get(0).equals("history")) {
            return String.join("\n", StatusFormat.fencingLines(requireFencing().history()));
        }
        throw new IllegalArgumentException("usage: pcs stonith create ID AGENT [NAME=VALUE...] | pcs stonith fence "
                + "NODE | pcs stonith history");
    }

    private FencingService requireFencing() {
        FencingService f = fencing;
        if (f == null) {
            throw new IllegalStateException("the fencer is not running on this node");
        }
        return f;
    }

    private String node(List<String> args) throws Exception {
        if (args.size() == 2 && (args.get(0).equals("standby") || args.get(0).equals("unstandby"))) {
            String node = args.get(1);
            return apply(List.of(args.get(0).equals("standby")
                    ? new CibChange.SetAttribute(CibChange.AttributeTarget.NODE, node, "standby", "on")
                    : new CibChange.UnsetAttribute(CibChange.AttributeTarget.NODE, node, "standby")));
        }
        throw new IllegalArgumentException("usage: pcs node standby NODE | pcs node unstandby NODE");
    }

    private String apply(List<CibChange> changes) throws Exception {
        return apply(cib.current(), changes);
    }

    private String apply(CibSnapshot base, List<CibChange> changes) throws Exception {
        try {
            // No base version: status updates (monitor results, node states) bump the version all the time, and
            // each of these changes names exactly what it replaces.
            CibSnapshot after = cib.apply(null, changes).toCompletableFuture().get(30, TimeUnit.SECONDS);
            return "CIB updated to " + after.version();
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the change was not committed within 30 s; check the cluster "
                    + "('status')");
        }
    }

    private static String[] pair(String kv, String where) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(where + ": expected NAME=VALUE, got '" + kv + "'");
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }

    private static void need(List<String> args, int n, String usage) {
        if (args.size() != n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    private List<io.vigil.fencing.api.FenceEvent> fencingHistory() {
        FencingService f = fencing;
        return f == null ? List.of() : f.history();
    }

    @Override
    protected String usage() {
        return String.join("\n", "pcs property set NAME=VALUE... | property unset NAME...",
                "pcs resource create ID AGENT [NAME=VALUE...] [op ACTION NAME=VALUE...]... [meta NAME=VALUE...] "
                        + "[--group G] [--disabled]",
                "pcs resource delete|enable|disable|clear ID | move ID NODE | ban ID NODE | cleanup [ID]",
                "pcs node standby|unstandby NODE", "pcs stonith create ID AGENT [NAME=VALUE...] | fence NODE | history",
                "pcs status");
    }
}
