package io.vigil.scheduler.engine;

import io.vigil.scheduler.Placement;
import io.vigil.scheduler.SummaryLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A group: members colocated with and ordered after the previous member. */
final class GroupRsc extends Rsc {
    final List<Rsc> members = new ArrayList<>();
    boolean expanded;

    GroupRsc(Engine ctx, String id, Rsc parent, Map<String, String> meta) {
        super(ctx, id, parent, meta);
    }

    @Override
    List<Rsc> children() {
        return members;
    }

    @Override
    int variantRank() {
        return 1;
    }

    boolean ordered() {
        return !"false".equalsIgnoreCase(meta.getOrDefault("ordered", "true"));
    }

    boolean colocated() {
        return !"false".equalsIgnoreCase(meta.getOrDefault("collocated", "true"));
    }

    @Override
    void applyLocation(SNode node, int score, Role role) {
        addLocation(node, score);
        for (Rsc m : members) {
            m.applyLocation(node, score, role);
        }
    }

    /** Adds the internal colocations (each member with the previous one). Called once after unpacking. */
    void addInternalColocations() {
        if (!colocated()) {
            return;
        }
        for (int i = 1; i < members.size(); i++) {
            Rsc prev = members.get(i - 1);
            Rsc m = members.get(i);
            Colocation c = new Colocation("group:internal_colocation", m, prev, Scores.INF, Role.UNKNOWN,
                    Role.UNKNOWN, null, true);
            Coloc.insertSorted(m.thisWith, c, true);
            Coloc.insertSorted(prev.withThis, c, false);
        }
    }

    /** "group with R" becomes "first member with R"; "R with group" becomes "R with last member". */
    void expandColocations() {
        if (expanded || members.isEmpty()) {
            return;
        }
        expanded = true;
        Rsc first = members.get(0);
        for (Colocation c : thisWith) {
            Colocation mc = new Colocation(c.id(), first, c.primary(), c.score(), c.dependentRole(), c.primaryRole(),
                    c.nodeAttribute(), c.influence());
            Coloc.insertSorted(first.thisWith, mc, true);
            replace(c.primary().withThis, c, mc);
        }
        boolean anyUnmanaged = !first.managed;
        for (int i = 1; i < members.size(); i++) {
            Rsc m = members.get(i);
            if (anyUnmanaged) {
                for (Colocation c : thisWith) {
                    if (c.score() >= Scores.INF) {
                        Coloc.insertSorted(m.thisWith, new Colocation(c.id(), m, c.primary(), c.score(),
                                c.dependentRole(), c.primaryRole(), c.nodeAttribute(), c.influence()), true);
                    }
                }
            } else if (!m.managed) {
                anyUnmanaged = true;
            }
        }
        thisWith.clear();
        Rsc last = members.get(members.size() - 1);
        for (Colocation c : withThis) {
            Colocation mc = new Colocation(c.id(), c.dependent(), last, c.score(), c.dependentRole(), c.primaryRole(),
                    c.nodeAttribute(), c.influence());
            Coloc.insertSorted(last.withThis, mc, false);
            replace(c.dependent().thisWith, c, mc);
        }
        withThis.clear();
    }

    private static void replace(List<Colocation> list, Colocation old, Colocation neu) {
        int i = list.indexOf(old);
        if (i >= 0) {
            list.set(i, neu);
        }
    }

    @Override
    SNode assign(SNode prefer) {
        if (!provisional) {
            return members.isEmpty() ? null : members.get(0).allocatedTo;
        }
        if (allocating) {
            return null;
        }
        if (members.isEmpty()) {
            provisional = false;
            return null;
        }
        allocating = true;
        expandColocations();
        role = members.get(0).role;
        ctx.scoreLog.log("pcmk__group_assign", id, ctx.nodes, allowed);
        for (Rsc m : members) {
            ctx.scoreLog.log("pcmk__group_assign", m.id, ctx.nodes, m.allowed);
        }
        SNode first = null;
        for (Rsc m : members) {
            SNode n = m.assign(prefer);
            if (first == null) {
                first = n;
            }
        }
        nextRole = members.get(0).nextRole;
        allocating = false;
        provisional = false;
        allocatedTo = colocated() ? first : null;
        return allocatedTo;
    }

    @Override
    void applyColocAsPrimary(Rsc dependent, Colocation c) {
        Rsc last = members.isEmpty() ? null : members.get(members.size() - 1);
        if (last != null) {
            last.applyColocAsPrimary(dependent, c);
        }
    }

    @Override
    void createActions() {
        for (Rsc m : members) {
            m.createActions();
        }
        boolean anyStart = false;
        boolean anyStop = false;
        for (PrimitiveRsc p : primitives()) {
            anyStart |= !p.actionsFor("start").isEmpty();
            anyStop |= !p.actionsFor("stop").isEmpty();
        }
        action("start", null, true).pseudo = true;
        action("running", null, true).pseudo = true;
        action("stop", null, true).pseudo = true;
        action("stopped", null, true).pseudo = true;
        if (top() instanceof CloneRsc c && c.promotable) {
            action("promote", null, true).pseudo = true;
            action("promoted", null, true).pseudo = true;
            action("demote", null, true).pseudo = true;
            action("demoted", null, true).pseudo = true;
        }
    }

    @Override
    void internalConstraints() {
        var g = ctx.graph;
        g.orderTasks(this, "stop", this, "stopped", Order.RUNNABLE_LEFT);
        g.orderTasks(this, "stopped", this, "start", Order.OPTIONAL);
        g.orderTasks(this, "start", this, "running", Order.RUNNABLE_LEFT);
        boolean promotable = top() instanceof CloneRsc c && c.promotable;
        Rsc prev = null;
        for (Rsc m : members) {
            m.internalConstraints();
            g.orderTasks(this, "start", m, "start", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
            g.orderTasks(m, "start", this, "running", Order.IMPLIES_THEN);
            g.orderTasks(this, "stop", m, "stop", Order.IMPLIES_THEN);
            g.orderTasks(m, "stop", this, "stopped", Order.IMPLIES_THEN);
            if (promotable) {
                g.orderTasks(this, "promote", m, "promote", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
                g.orderTasks(m, "promote", this, "promoted", Order.IMPLIES_THEN);
                g.orderTasks(this, "demote", m, "demote", Order.IMPLIES_THEN);
                g.orderTasks(m, "demote", this, "demoted", Order.IMPLIES_THEN);
            }
            if (prev != null && ordered()) {
                g.orderTasks(prev, "start", m, "start", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
                g.orderTasks(m, "stop", prev, "stop", Order.IMPLIES_FIRST);
                if (promotable) {
                    g.orderTasks(prev, "promote", m, "promote", Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
                    g.orderTasks(m, "demote", prev, "demote", Order.IMPLIES_FIRST);
                }
            }
            prev = m;
        }
    }

    @Override
    void summarize(List<SummaryLine> out) {
        for (Rsc m : members) {
            m.summarize(out);
        }
    }

    @Override
    void collectFinal(Map<String, List<Placement>> out) {
        for (Rsc m : members) {
            m.collectFinal(out);
        }
    }
}
