package io.vigil.shell.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;
import io.vigil.messaging.api.MembershipView;
import io.vigil.quorum.api.QuorumState;

/**
 * What {@code status} / {@code crm_mon -1} shows, as data: the text and the JSON outputs are both made from it.
 *
 * @param dc the designated controller (coordinator of this node's view)
 * @param quorate whether this partition has quorum
 * @param version the CIB version
 * @param nodes node name → state (online, offline, standby, maintenance, UNCLEAN (offline))
 * @param resources the configured resources, top level, with their instances' placement
 * @param failures failed operations
 * @param fencing the fence history
 * @param problems why nothing runs, when the configuration says so (e.g. fencing enabled without a device)
 */
public record ClusterStatus(String dc, boolean quorate, String version, Map<String, String> nodes,
        List<ResourceStatus> resources, List<ResourceStates.FailedAction> failures,
        List<io.vigil.fencing.api.FenceEvent> fencing, List<String> problems) {

    /** One configured resource: a primitive, or a group/clone with its members. */
    public record ResourceStatus(String id, String kind, String agent, List<ResourceStates.Active> active,
            List<ResourceStatus> members, String target) {
    }

    /** Builds the status of the cluster as this node sees it. */
    public static ClusterStatus of(CibSnapshot cib, MembershipView view, QuorumState quorum,
            List<io.vigil.fencing.api.FenceEvent> fencing) {
        return of(cib, view.coordinator(), view.names(), quorum.quorate(), fencing);
    }

    /**
     * Builds the status from the CIB and the membership as plain values (the current DC, the members this node
     * sees, whether the partition is quorate).
     */
    public static ClusterStatus of(CibSnapshot cib, String dc, List<String> members, boolean quorate,
            List<io.vigil.fencing.api.FenceEvent> fencing) {
        java.util.Set<String> view = new java.util.LinkedHashSet<>(members);
        Map<String, String> nodes = new TreeMap<>();
        for (Node n : cib.configuration().nodes()) {
            nodes.put(n.uname(), nodeState(cib, n.uname(), view));
        }
        for (String member : members) {
            nodes.putIfAbsent(member, nodeState(cib, member, view));
        }
        Map<String, List<ResourceStates.Active>> active = ResourceStates.byResource(cib);
        List<ResourceStatus> resources = new ArrayList<>();
        for (Resource r : cib.configuration().resources()) {
            resources.add(status(r, active));
        }
        List<String> problems = new ArrayList<>();
        var props = cib.configuration().properties();
        boolean hasResources = !cib.configuration().resources().isEmpty();
        if (hasResources && props.stonithEnabled() && cib.configuration().fencingDevices().isEmpty()) {
            problems.add("Resources cannot start: stonith-enabled is true but no fencing device is configured "
                    + "(configure one, e.g. 'pcs stonith create', or set stonith-enabled=false)");
        }
        if (!quorate && "stop".equals(props.noQuorumPolicy())) {
            problems.add("This partition has no quorum: resources are stopped (no-quorum-policy=stop)");
        }
        return new ClusterStatus(dc, quorate, cib.version().toString(), nodes, resources,
                ResourceStates.failures(cib), List.copyOf(fencing), problems);
    }

    private static String nodeState(CibSnapshot cib, String name, java.util.Set<String> view) {
        NodeState ns = cib.status().nodeByName(name).orElse(null);
        boolean member = view.contains(name);
        if (!member) {
            boolean unclean = ns != null && ns.inCcm() || ns != null && "member".equals(ns.expected())
                    && !ns.lrmResources().isEmpty() && cib.configuration().properties().stonithEnabled();
            return unclean ? "UNCLEAN (offline)" : "offline";
        }
        boolean standby = cib.configuration().nodeByName(name).map(Node::isStandby).orElse(false)
                || ns != null && Truth.isTrue(ns.transientValues().get("standby"));
        if (standby) {
            return "standby";
        }
        boolean maintenance = cib.configuration().nodeByName(name).flatMap(n -> n.instanceAttributes()
                .get("maintenance")).map(Truth::isTrue).orElse(false);
        return maintenance ? "maintenance" : "online";
    }

    private static ResourceStatus status(Resource r, Map<String, List<ResourceStates.Active>> active) {
        String target = r.meta().getOrDefault("target-role", "");
        if (r instanceof Primitive p) {
            return new ResourceStatus(p.id(), "primitive", agentLabel(p), active.getOrDefault(p.id(), List.of()),
                    List.of(), target);
        }
        if (r instanceof Group g) {
            List<ResourceStatus> members = new ArrayList<>();
            for (Primitive p : g.members()) {
                members.add(status(p, active));
            }
            return new ResourceStatus(g.id(), "group", "", List.of(), members, target);
        }
        Clone c = (Clone) r;
        Resource child = c.child();
        List<ResourceStates.Active> instances = new ArrayList<>();
        List<String> primitives = new ArrayList<>();
        for (Resource x : child instanceof Group g ? new ArrayList<Resource>(g.members()) : List.of(child)) {
            primitives.add(x.id());
        }
        for (Map.Entry<String, List<ResourceStates.Active>> e : active.entrySet()) {
            String base = e.getKey().contains(":") ? e.getKey().substring(0, e.getKey().indexOf(':')) : e.getKey();
            if (primitives.contains(base) && base.equals(primitives.get(0))) {
                instances.addAll(e.getValue());
            }
        }
        return new ResourceStatus(c.id(), c.isPromotable() ? "promotable" : "clone", child.id(), instances,
                List.of(), target);
    }

    static String agentLabel(Primitive p) {
        return p.provider() == null ? p.standard() + ":" + p.type() : p.standard() + "::" + p.provider() + ":"
                + p.type();
    }
}
