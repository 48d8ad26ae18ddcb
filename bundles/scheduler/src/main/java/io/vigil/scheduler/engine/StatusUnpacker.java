package io.vigil.scheduler.engine;

import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stage 2: node membership from node_state, transient attributes, and resource state from operation history. */
final class StatusUnpacker {
    private final Engine ctx;
    /** (clone id + node) -> instance bound for anonymous clone history. */
    private final Map<String, Rsc> bound = new HashMap<>();
    /** (clone id + node) -> orphan instances created for extra histories on that node. */
    private final Map<String, List<Rsc>> extraBound = new HashMap<>();
    /** The instances in {@link #bound}'s values (a set, so membership tests stay cheap). */
    private final java.util.Set<Rsc> boundInstances = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Per clone: index of the first instance that may still be free (instances before it are bound or active). */
    private final Map<CloneRsc, Integer> firstFree = new java.util.IdentityHashMap<>();
    private Map<String, CloneRsc> cloneOfPrimitive;
    /** The entry just resolved is inactive history of an anonymous clone. */
    private boolean inactiveHistory;

    StatusUnpacker(Engine ctx) {
        this.ctx = ctx;
    }

    void unpack() {
        List<NodeState> states = ctx.cib.status().nodes();
        for (NodeState ns : states) {
            SNode n = find(ns);
            if (n == null || n.remote) {
                continue;
            }
            n.attrs.putAll(ns.transientValues());
            if (Truth.isTrue(ns.transientValues().get("standby"))) {
                n.standby = true;
            }
            if (Truth.isTrue(ns.transientValues().get("maintenance"))) {
                n.maintenance = true;
            }
            n.unclean = false;
            n.unseen = false;
            NodeOnline.determine(ctx, n, ns);
        }
        for (SNode n : ctx.nodes) {
            n.capacityLeft.putAll(n.utilization);
        }
        for (NodeState ns : states) {
            SNode n = find(ns);
            if (n == null || n.remote) {
                continue;
            }
            // Offline nodes run no resources, unless fencing (or shutdown locking) needs to know what ran there.
            if (!n.online && !ctx.stonithEnabled && !ctx.shutdownLock) {
                continue;
            }
            for (LrmResource lr : ns.lrmResources()) {
                unpackResource(n, lr);
            }
        }
        for (Rsc r : ctx.byId.values()) {
            if (r instanceof PrimitiveRsc p && p.inPromotable() && p.role == Role.STARTED) {
                p.role = Role.UNPROMOTED;
            }
            Role target = targetRole(r);
            if (target != Role.UNKNOWN && r.runningOn.isEmpty()
                    && (r.nextRole == Role.UNKNOWN || target.below(r.nextRole))) {
                r.nextRole = target;
            }
        }
        for (Rsc r : ctx.resources) {
            rollUp(r);
        }
    }

    /** Collective resources are running where any child is; role is the highest child role. */
    private void rollUp(Rsc r) {
        for (Rsc c : r.children()) {
            rollUp(c);
            for (SNode n : c.runningOn) {
                if (!r.runningOn.contains(n)) {
                    r.runningOn.add(n);
                }
            }
            if (c.role.above(r.role)) {
                r.role = c.role;
            }
            r.failed |= c.failed;
        }
    }

    static Role targetRole(Rsc r) {
        if (r.targetRole == null) {
            r.targetRole = computeTargetRole(r);
        }
        return r.targetRole;
    }

    private static Role computeTargetRole(Rsc r) {
        String v = r.meta.get("target-role");
        if (v == null || "default".equalsIgnoreCase(v)) {
            return Role.UNKNOWN;
        }
        Role t = Role.parse(v);
        if (t == Role.STARTED) {
            return Role.UNKNOWN;
        }
        if (t == Role.PROMOTED) {
            // promotable: what would happen anyway (left to the promotion algorithm); otherwise meaningless
            return Role.UNKNOWN;
        }
        if (t == Role.UNPROMOTED && !(r.top() instanceof CloneRsc c2 && c2.promotable)) {
            return Role.UNKNOWN;
        }
        return t;
    }

    private SNode find(NodeState ns) {
        SNode n = ns.id() == null ? null : ctx.nodeById.get(ns.id());
        if (n == null && ns.uname() != null) {
            n = ctx.nodeByName.get(ns.uname());
        }
        return n;
    }

    private static String stripInstance(String id) {
        int c = id.lastIndexOf(':');
        if (c > 0 && id.substring(c + 1).chars().allMatch(Character::isDigit) && c < id.length() - 1) {
            return id.substring(0, c);
        }
        return id;
    }

    private void unpackResource(SNode node, LrmResource lr) {
        List<Op> ops = new ArrayList<>(lr.ops().size());
        for (io.vigil.cib.model.LrmRscOp o : lr.ops()) {
            ops.add(Op.of(o));
        }
        if (ops.isEmpty()) {
            return;
        }
        ops.sort(Comparator.comparingInt(Op::callId));
        PrimitiveRsc p = resolve(node, lr, ops);
        if (p == null) {
            return;
        }
        if (!lr.id().equals(p.id) && !inactiveHistory) {
            p.historyName = lr.id();
        }
        inactiveHistory = false;
        OpHistory.unpack(ctx, p, node, ops);
    }

    /** Finds the primitive (or clone instance) an lrm_resource entry belongs to. */
    private PrimitiveRsc resolve(SNode node, LrmResource lr, List<Op> ops) {
        Rsc direct = ctx.byId.get(lr.id());
        if (direct instanceof PrimitiveRsc p && !(p.parent instanceof CloneRsc) && !(p.parent instanceof GroupRsc
                && p.parent.parent instanceof CloneRsc)) {
            return p;
        }
        String base = stripInstance(lr.id());
        if (cloneOfPrimitive == null) {
            cloneOfPrimitive = new HashMap<>();
            for (Rsc r : ctx.byId.values()) {
                if (r instanceof CloneRsc c && c.configChild != null) {
                    for (io.vigil.cib.model.Resource x : c.configChild.flatten()) {
                        if (x instanceof io.vigil.cib.model.Primitive) {
                            cloneOfPrimitive.put(x.id(), c);
                        }
                    }
                }
            }
        }
        CloneRsc clone = cloneOfPrimitive.get(base);
        if (clone == null) {
            if (direct == null && ctx.byId.get(base) == null) {
                return orphan(lr, ops);
            }
            return null;
        }
        if (clone.unique && direct instanceof PrimitiveRsc p) {
            return p;
        }
        // find_anonymous_clone: the instance already active on this node, else the first instance not active
        // anywhere yet; inactive history binds without using the instance up
        clone.knownOn.add(node);
        String slot = clone.id + "@" + node.name;
        Rsc inst = bound.get(slot);
        boolean active = activeEntry(ops);
        if (inst != null && memberOf(inst, base) != null && !memberOf(inst, base).runningOn.isEmpty()) {
            // Another history of the same anonymous instance on this node (globally-unique was switched off):
            // the extra one is an orphan, even when instance numbers are free (find_anonymous_clone).
            inst = extraBound.getOrDefault(slot, List.of()).stream()
                    .filter(i -> memberOf(i, base) != null && memberOf(i, base).runningOn.isEmpty())
                    .findFirst().orElse(null);
            if (inst == null) {
                if (!active) {
                    return null;
                }
                inst = orphanInstance(clone);
                extraBound.computeIfAbsent(slot, k -> new ArrayList<>()).add(inst);
            }
        }
        if (inst == null) {
            int from = firstFree.getOrDefault(clone, 0);
            List<Rsc> all = clone.instances;
            for (int k = from; k < all.size(); k++) {
                Rsc i = all.get(k);
                if (!boundInstances.contains(i) && activeLocation(i) == null && !i.block) {
                    inst = i;
                    break;
                }
                if (k == from && (boundInstances.contains(i) || activeLocation(i) != null)) {
                    // bound or active instances never become free again
                    from = k + 1;
                    firstFree.put(clone, from);
                }
            }
            if (inst == null) {
                if (!active) {
                    return null;
                }
                // more active histories than instances (clone-max lowered, even to 0): an orphan to stop
                inst = orphanInstance(clone);
            }
            if (active) {
                bound.put(clone.id + "@" + node.name, inst);
                boundInstances.add(inst);
            }
        }
        for (PrimitiveRsc pp : inst.primitives()) {
            if (pp.baseId().equals(base)) {
                if (!active) {
                    inactiveHistory = true;
                }
                return pp;
            }
        }
        return null;
    }

    private static PrimitiveRsc memberOf(Rsc inst, String base) {
        for (PrimitiveRsc pp : inst.primitives()) {
            if (pp.baseId().equals(base)) {
                return pp;
            }
        }
        return null;
    }

    /** create_anonymous_orphan: a new instance numbered after every existing one, to be stopped. */
    private Rsc orphanInstance(CloneRsc clone) {
        Rsc inst = new Unpacker(ctx).buildInstance(clone.configChild, clone, clone.meta, clone.instances.size());
        clone.instances.add(inst);
        markOrphan(inst);
        for (PrimitiveRsc pp : inst.primitives()) {
            markOrphan(pp);
        }
        return inst;
    }

    /** Unlike a removed primitive, an orphan instance is stopped whatever stop-orphan-resources says. */
    private static void markOrphan(Rsc r) {
        r.orphan = true;
        r.nextRole = Role.STOPPED;
        r.allowed.fillAll(-Scores.INF);
    }

    /**
     * History of a resource that is no longer configured: an orphan, stopped where it is active (or left alone
     * when stop-orphan-resources is false).
     */
    private PrimitiveRsc orphan(LrmResource lr, List<Op> ops) {
        Rsc known = ctx.byId.get(lr.id());
        if (known instanceof PrimitiveRsc p && p.orphan) {
            return p;
        }
        if (known != null || !activeEntry(ops)) {
            return null;
        }
        io.vigil.cib.model.Primitive config = new io.vigil.cib.model.Primitive(lr.id(), null, lr.standard(),
                lr.provider(), lr.type(), Map.of(), io.vigil.cib.model.AttributeSets.EMPTY,
                io.vigil.cib.model.AttributeSets.EMPTY, io.vigil.cib.model.AttributeSets.EMPTY, null, null, List.of());
        PrimitiveRsc p = new PrimitiveRsc(ctx, lr.id(), null, new HashMap<>(ctx.rscDefaults), config);
        p.orphan = true;
        p.managed = ctx.stopOrphans && !ctx.maintenanceMode;
        p.nextRole = Role.STOPPED;
        p.allowed.fillAll(-Scores.INF);
        ctx.byId.put(p.id, p);
        ctx.resources.add(p);
        return p;
    }

    /** Where an instance (or any member of a cloned group) is active so far. */
    private static SNode activeLocation(Rsc i) {
        for (PrimitiveRsc p : i.primitives()) {
            if (!p.runningOn.isEmpty()) {
                return p.runningOn.get(0);
            }
        }
        return null;
    }

    /** Heuristic: the last operation leaves the resource active (or failed) on the node. */
    private static boolean activeEntry(List<Op> ops) {
        Op last = null;
        for (Op op : ops) {
            if ("notify".equals(op.operation()) || "meta-data".equals(op.operation())) {
                continue;
            }
            if (op.intervalMs() > 0 && op.rcCode() == OpHistory.targetRc(op)) {
                continue;
            }
            last = op;
        }
        if (last == null) {
            return false;
        }
        int rc = last.rcCode();
        if ("stop".equals(last.operation()) && rc == 0) {
            return false;
        }
        return !(("monitor".equals(last.operation())) && rc == 7);
    }
}
