package io.vigil.scheduler.engine;

import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;
import io.vigil.scheduler.Placement;
import io.vigil.scheduler.SummaryLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A clone (anonymous or globally unique), optionally promotable. */
final class CloneRsc extends Rsc {
    final List<Rsc> instances = new ArrayList<>();
    final boolean promotable;
    final boolean unique;
    final boolean interleave;
    final int cloneMax;
    final int cloneNodeMax;
    final int promotedMax;
    final int promotedNodeMax;
    Resource configChild;
    /** Location scores that apply to the promoted role only, per node index. */
    final int[] promotedLocation;
    /** Instances assigned per node index while distributing (the clone's own node table counts). */
    final int[] nodeCount;

    CloneRsc(Engine ctx, String id, Rsc parent, Map<String, String> meta, boolean promotable) {
        super(ctx, id, parent, meta);
        this.promotable = promotable;
        this.unique = Truth.isTrue(meta.get("globally-unique"));
        this.interleave = Truth.isTrue(meta.get("interleave"));
        int nodes = ctx.nodes.size();
        this.cloneMax = Math.max(0, intMeta(meta, nodes, "clone-max"));
        this.cloneNodeMax = Math.max(1, intMeta(meta, 1, "clone-node-max"));
        this.promotedMax = intMeta(meta, 1, "promoted-max", "master-max");
        this.promotedNodeMax = intMeta(meta, 1, "promoted-node-max", "master-node-max");
        this.promotedLocation = new int[nodes];
        this.nodeCount = new int[nodes];
    }

    private static int intMeta(Map<String, String> m, int dflt, String... names) {
        for (String n : names) {
            String v = m.get(n);
            if (v != null) {
                try {
                    return Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    return dflt;
                }
            }
        }
        return dflt;
    }

    @Override
    List<Rsc> children() {
        return instances;
    }

    @Override
    int variantRank() {
        return 2;
    }

    @Override
    boolean isPromotable() {
        return promotable;
    }

    @Override
    void applyLocation(SNode node, int score, Role role) {
        if (role == Role.PROMOTED) {
            if (node == null) {
                for (SNode n : ctx.nodes) {
                    promotedLocation[n.index] = Scores.add(promotedLocation[n.index], score);
                }
            } else {
                promotedLocation[node.index] = Scores.add(promotedLocation[node.index], score);
            }
            return;
        }
        addLocation(node, score);
        for (Rsc i : instances) {
            i.applyLocation(node, score, role);
        }
    }

    @Override
    SNode assign(SNode prefer) {
        if (!provisional || allocating) {
            return null;
        }
        if (promotable) {
            Promotion.addPromotionScores(this);
        }
        allocating = true;
        for (Colocation c : List.copyOf(thisWith)) {
            c.primary().assign(prefer);
        }
        for (Colocation c : List.copyOf(withThis)) {
            if (c.hasInfluence()) {
                Weights[] holder = {allowed};
                Coloc.addColocatedNodeScores(c.dependent(), holder, c.nodeAttribute(),
                        (float) (c.score() / (double) Scores.INF), Coloc.SELECT_ACTIVE | Coloc.SELECT_NONNEGATIVE);
                allowed = holder[0];
            }
        }
        ctx.scoreLog.log("pcmk__clone_assign", id, ctx.nodes, allowed);
        for (Rsc i : instances) {
            ctx.scoreLog.log("pcmk__clone_assign", i.id, ctx.nodes, i.allowed);
        }
        List<Rsc> order = new ArrayList<>(instances);
        order.sort(Comparator.comparingInt((Rsc r) -> r.runningOn.isEmpty() ? 1 : 0)
                .thenComparingInt(r -> instanceNo(r)));
        distribute(order);
        if (promotable) {
            Promotion.setRoles(this);
        }
        provisional = false;
        allocating = false;
        return null;
    }

    /** Normal instance order for ties: active instances first, then by instance number. */
    static int compareInstances(Rsc a, Rsc b) {
        boolean aa = !a.runningOn.isEmpty();
        boolean ba = !b.runningOn.isEmpty();
        if (aa != ba) {
            return aa ? -1 : 1;
        }
        return Integer.compare(instanceNo(a), instanceNo(b));
    }

    static int instanceNo(Rsc r) {
        int c = r.id.lastIndexOf(':');
        try {
            return Integer.parseInt(r.id.substring(c + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void distribute(List<Rsc> order) {
        int available = 0;
        java.util.Arrays.fill(nodeCount, 0);
        for (SNode n : ctx.nodes) {
            if (n.available()) {
                available++;
            }
        }
        boolean allColoc = cloneMax < available;
        int loopMax = available > 0 ? Math.max(1, cloneMax / available) : 1;
        int allocated = 0;
        for (Rsc child : order) {
            if (allocated >= cloneMax) {
                break;
            }
            if (child.runningOn.isEmpty() || !child.provisional || child.failed) {
                continue;
            }
            SNode cur = child.currentNode();
            if (!cur.available() || allowed.get(cur) < 0) {
                continue;
            }
            if (allowed.has(cur) && nodeCount[cur.index] >= loopMax) {
                continue;
            }
            if (assignInstance(child, cur, allColoc) != null) {
                allocated++;
            }
        }
        for (Rsc child : order) {
            if (!child.provisional) {
                continue;
            }
            if (allocated >= cloneMax) {
                child.addLocation(null, -Scores.INF);
                for (Rsc c : child.children()) {
                    c.addLocation(null, -Scores.INF);
                }
                child.assign(null);
                continue;
            }
            if (assignInstance(child, null, allColoc) != null) {
                allocated++;
            }
        }
    }

    private SNode assignInstance(Rsc child, SNode prefer, boolean allColoc) {
        if (!child.provisional) {
            return child.allocatedTo;
        }
        appendParentColocation(child, allColoc);
        if (prefer != null && (!child.allowed.has(prefer) || child.allowed.get(prefer) < 0)) {
            return null;
        }
        for (SNode n : ctx.nodes) {
            if (!child.allowed.has(n)) {
                continue;
            }
            if (!n.available() || !allowed.has(n)) {
                setScoreDeep(child, n, -Scores.INF);
            } else if (allowed.get(n) < 0) {
                setScoreDeep(child, n, allowed.get(n));
            } else if (nodeCount[n.index] >= cloneNodeMax) {
                setScoreDeep(child, n, -Scores.INF);
            }
        }
        Weights backup = child.allowed.copy();
        SNode chosen = child.assign(prefer);
        if (chosen != null && prefer != null && chosen != prefer) {
            child.allowed = backup;
            unassign(child);
            return null;
        }
        if (chosen != null) {
            nodeCount[chosen.index]++;
        }
        return chosen;
    }

    private static void setScoreDeep(Rsc r, SNode n, int v) {
        r.allowed.set(n, v);
        for (Rsc c : r.children()) {
            setScoreDeep(c, n, v);
        }
    }

    private void unassign(Rsc r) {
        if (r.allocatedTo != null) {
            r.allocatedTo.numResources--;
        }
        r.allocatedTo = null;
        r.provisional = true;
        if (r.nextRole == Role.STOPPED) {
            r.nextRole = Role.UNKNOWN;
        }
        for (Rsc c : r.children()) {
            unassign(c);
        }
    }

    private void appendParentColocation(Rsc child, boolean all) {
        Rsc target = child instanceof GroupRsc g && !g.members.isEmpty() ? child : child;
        for (Colocation c : thisWith) {
            if (all || c.score() < 0 || c.score() == Scores.INF) {
                Colocation cc = new Colocation(c.id(), target, c.primary(), c.score(), c.dependentRole(),
                        c.primaryRole(), c.nodeAttribute(), c.influence());
                if (!target.thisWith.contains(cc)) {
                    Coloc.insertSorted(target.thisWith, cc, true);
                }
            }
        }
        for (Colocation c : withThis) {
            if (!(c.influence() || child.runningOn.isEmpty())) {
                continue;
            }
            if (all || c.score() < 0) {
                Colocation cc = new Colocation(c.id(), c.dependent(), target, c.score(), c.dependentRole(),
                        c.primaryRole(), c.nodeAttribute(), c.influence());
                if (!target.withThis.contains(cc)) {
                    Coloc.insertSorted(target.withThis, cc, false);
                }
            }
        }
        if (target instanceof GroupRsc g) {
            g.expandColocations();
        }
    }

    @Override
    void applyColocAsPrimary(Rsc dependent, Colocation c) {
        if (provisional) {
            return;
        }
        if (promotable && c.primaryRole() != Role.UNKNOWN) {
            // promotable_colocation_rh
            if (dependent.provisional) {
                List<SNode> affected = new ArrayList<>();
                for (Rsc i : instances) {
                    SNode chosen = i.allocatedTo;
                    if (chosen != null && instanceNextRole(i) == c.primaryRole()) {
                        if (c.score() < Scores.INF) {
                            String attr = c.nodeAttribute() == null ? "#uname" : c.nodeAttribute();
                            String value = chosen.attr(attr);
                            for (SNode n : ctx.nodes) {
                                if (dependent.allowed.has(n) && value != null && value.equalsIgnoreCase(n.attr(attr))) {
                                    dependent.allowed.set(n, Scores.add(dependent.allowed.get(n), c.score()));
                                }
                            }
                        }
                        affected.add(chosen);
                    }
                }
                if ((c.dependentRole() != Role.PROMOTED || c.primaryRole() != Role.PROMOTED)
                        && c.score() >= Scores.INF) {
                    for (SNode n : ctx.nodes) {
                        if (dependent.allowed.has(n) && !affected.contains(n)) {
                            dependent.allowed.set(n, -Scores.INF);
                        }
                    }
                }
            } else if (c.dependentRole() == Role.PROMOTED) {
                Rsc match = null;
                SNode dn = dependent.allocatedTo;
                if (dn != null) {
                    for (Rsc i : instances) {
                        if (i.allocatedTo == dn && instanceNextRole(i) == c.primaryRole()) {
                            match = i;
                            break;
                        }
                    }
                }
                if (match == null && c.score() >= Scores.INF) {
                    dependent.priority = -Scores.INF;
                } else if (match != null) {
                    dependent.priority = Scores.add(dependent.priority, c.score());
                }
            }
            return;
        }
        if (dependent instanceof PrimitiveRsc && dependent.top() instanceof CloneRsc dc && dc != this
                && io.vigil.cib.model.Truth.isTrue(dc.meta.get("interleave")) && dc.cloneNodeMax == cloneNodeMax) {
            // interleave: pair the dependent instance with the primary instance on the same node
            Rsc pair = findCompatible(dependent, Role.UNKNOWN);
            if (pair != null) {
                pair.applyColocAsPrimary(dependent, c);
            } else if (c.score() >= Scores.INF) {
                if (dependent instanceof PrimitiveRsc dp && dp.provisional) {
                    dp.finalizeAssignment(null, true);
                }
            }
            return;
        }
        if (c.score() >= Scores.INF) {
            List<SNode> nodes = new ArrayList<>();
            for (Rsc i : instances) {
                if (i.allocatedTo != null && !i.block) {
                    nodes.add(i.allocatedTo);
                }
            }
            for (SNode n : ctx.nodes) {
                if (dependent.allowed.has(n) && !nodes.contains(n)) {
                    dependent.allowed.set(n, -Scores.INF);
                }
            }
            return;
        }
        for (Rsc i : instances) {
            i.applyColocAsPrimary(dependent, c);
        }
    }

    /** is_child_compatible: an unblocked instance assigned to {@code node} (in role {@code filter} if known). */
    private static boolean compatible(Rsc i, SNode node, Role filter) {
        if (filter != Role.UNKNOWN && instanceNextRole(i) != filter) {
            return false;
        }
        if (blockedDeep(i)) {
            return false;
        }
        SNode at = instanceLocation(i);
        return at != null && at == node;
    }

    private static boolean blockedDeep(Rsc r) {
        if (r.block) {
            return true;
        }
        for (Rsc c : r.children()) {
            if (blockedDeep(c)) {
                return true;
            }
        }
        return false;
    }

    private static SNode instanceLocation(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.allocatedTo;
        }
        SNode out = null;
        for (Rsc c : r.children()) {
            SNode n = instanceLocation(c);
            if (n != null) {
                if (out != null && out != n) {
                    return null;
                }
                out = n;
            }
        }
        return out;
    }

    /** find_compatible_child: the instance of this clone to pair {@code local} with. */
    Rsc findCompatible(Rsc local, Role filter) {
        return findCompatible(local, filter, false);
    }

    private static SNode currentLocation(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.runningOn.size() == 1 ? r.runningOn.get(0) : null;
        }
        SNode out = null;
        for (Rsc c : r.children()) {
            SNode n = currentLocation(c);
            if (n != null) {
                if (out != null && out != n) {
                    return null;
                }
                out = n;
            }
        }
        return out;
    }

    /** With {@code current}, pairs by where instances run now instead of where they are assigned. */
    Rsc findCompatible(Rsc local, Role filter, boolean current) {
        if (current) {
            SNode ln = currentLocation(local);
            if (ln == null) {
                return null;
            }
            for (Rsc i : instances) {
                if (!blockedDeep(i) && currentLocation(i) == ln
                        && (filter == Role.UNKNOWN || i.role == filter)) {
                    return i;
                }
            }
            return null;
        }
        SNode ln = instanceLocation(local);
        if (ln != null) {
            for (Rsc i : instances) {
                if (compatible(i, ln, filter)) {
                    return i;
                }
            }
            return null;
        }
        for (SNode n : NodeSort.sorted(ctx, local.allowed, null)) {
            for (Rsc i : instances) {
                if (compatible(i, n, filter)) {
                    return i;
                }
            }
        }
        return null;
    }

    static boolean assignedAnywhere(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.allocatedTo != null;
        }
        for (Rsc c : r.children()) {
            if (assignedAnywhere(c)) {
                return true;
            }
        }
        return false;
    }

    /** pcmk__assign_resource(rsc, NULL, true) after actions exist: the instance will not be active. */
    static void inhibit(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            if (r.allocatedTo != null) {
                r.allocatedTo.numResources--;
            }
            r.allocatedTo = null;
            r.provisional = false;
            r.nextRole = Role.STOPPED;
            for (Act a : r.actions) {
                if (a.task.equals("stop")) {
                    a.optional = false;
                } else if (a.task.equals("start")) {
                    a.runnable = false;
                } else if (a.intervalMs > 0) {
                    a.runnable = false;
                }
            }
            return;
        }
        r.allocatedTo = null;
        r.nextRole = Role.STOPPED;
        for (Rsc c : r.children()) {
            inhibit(c);
        }
    }

    private static Role instanceNextRole(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.nextRole;
        }
        Role out = Role.UNKNOWN;
        for (Rsc c : r.children()) {
            Role x = instanceNextRole(c);
            if (x.above(out)) {
                out = x;
            }
        }
        return out;
    }

    private boolean interleave(Colocation c) {
        return Truth.isTrue(c.dependent().meta.get("interleave"));
    }

    @Override
    void createActions() {
        for (Rsc i : instances) {
            i.createActions();
        }
        for (String t : promotable ? List.of("start", "running", "stop", "stopped", "promote", "promoted", "demote",
                "demoted") : List.of("start", "running", "stop", "stopped")) {
            action(t, null, true).pseudo = true;
        }
    }

    @Override
    void internalConstraints() {
        var g = ctx.graph;
        g.orderTasks(this, "stop", this, "stopped", Order.RUNNABLE_LEFT);
        g.orderTasks(this, "stopped", this, "start", Order.OPTIONAL);
        g.orderTasks(this, "start", this, "running", Order.RUNNABLE_LEFT);
        if (promotable) {
            g.orderTasks(this, "demote", this, "demoted", Order.RUNNABLE_LEFT);
            g.orderTasks(this, "demoted", this, "stop", Order.OPTIONAL);
            g.orderTasks(this, "running", this, "promote", Order.OPTIONAL);
            g.orderTasks(this, "promote", this, "promoted", Order.RUNNABLE_LEFT);
        }
        for (Rsc i : instances) {
            i.internalConstraints();
            g.orderTasks(this, "start", i, "start", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
            g.orderTasks(i, "start", this, "running", Order.IMPLIES_THEN);
            g.orderTasks(this, "stop", i, "stop", Order.IMPLIES_THEN);
            g.orderTasks(i, "stop", this, "stopped", Order.IMPLIES_THEN);
            if (promotable) {
                g.orderTasks(this, "promote", i, "promote", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
                g.orderTasks(i, "promote", this, "promoted", Order.IMPLIES_THEN);
                g.orderTasks(this, "demote", i, "demote", Order.IMPLIES_THEN);
                g.orderTasks(i, "demote", this, "demoted", Order.IMPLIES_THEN);
            }
        }
    }

    @Override
    void summarize(List<SummaryLine> out) {
        for (Rsc i : instances) {
            i.summarize(out);
        }
    }

    @Override
    void collectFinal(Map<String, List<Placement>> out) {
        for (Rsc i : instances) {
            i.collectFinal(out);
        }
        if (configChild != null) {
            // listed even when no instance runs (or none is configured: clone-max=0)
            for (Resource r : configChild.flatten()) {
                if (r instanceof io.vigil.cib.model.Primitive) {
                    out.computeIfAbsent(r.id(), k -> new java.util.ArrayList<>());
                }
            }
        }
    }
}
