package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

/** All actions and ordering edges of a run, with Pacemaker's flag propagation along orderings. */
final class ActionGraph {
    private final Engine ctx;
    final List<Act> actions = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Act> fencing = new ArrayList<>();

    ActionGraph(Engine ctx) {
        this.ctx = ctx;
    }

    Act newAction(String key, String task, Rsc rsc, SNode node, long interval) {
        Act a = new Act(actions.size(), key, task, rsc, node, interval);
        actions.add(a);
        return a;
    }

    /** update_resource_action_runnable at creation time. */
    void initRunnable(Act a) {
        if (a.rsc == null || !(a.rsc instanceof PrimitiveRsc)) {
            return;
        }
        if (a.node == null) {
            a.runnable = false;
            return;
        }
        if (!a.node.online) {
            a.runnable = false;
            a.reason = a.node.unclean ? a.node.name + " is unclean" : "node is offline";
            return;
        }
        if (a.node.pending) {
            a.runnable = false;
            return;
        }
        if (!a.task.equals("start") && !a.task.equals("promote")) {
            return;
        }
        PrimitiveRsc p = (PrimitiveRsc) a.rsc;
        if ("nothing".equals(p.requires()) || ctx.haveQuorum) {
            return;
        }
        String policy = ctx.noQuorumPolicy;
        if ("demote".equals(policy)) {
            policy = (p.role == Role.PROMOTED || p.role == Role.UNPROMOTED) ? "ignore" : "stop";
        }
        switch (policy) {
            case "ignore" -> {
            }
            case "freeze" -> {
                if (p.runningOn.isEmpty() || p.nextRole.above(p.role)) {
                    a.runnable = false;
                    a.reason = "quorum freeze";
                }
            }
            default -> {
                a.runnable = false;
                a.reason = "no quorum";
            }
        }
    }

    Order order(Act first, Act then, int flags) {
        Order o = new Order(first, then, flags);
        orders.add(o);
        first.after.add(o);
        then.before.add(o);
        return o;
    }

    /** Orders every {@code t1} action of r1 before every {@code t2} action of r2 (non-recurring ones). */
    void orderTasks(Rsc r1, String t1, Rsc r2, String t2, int flags) {
        List<Act> a1 = r1.actionsFor(t1);
        if (a1.isEmpty()) {
            return;
        }
        List<Act> a2 = r2.actionsFor(t2);
        for (Act f : a1) {
            for (Act t : a2) {
                if ((flags & Order.SAME_NODE) != 0 && f.node != t.node) {
                    continue;
                }
                order(f, t, flags);
            }
        }
    }

    /** Runnable as an ordering's first action sees it (collective milestones derive it from their children). */
    boolean runnable(Act a) {
        if (!a.runnable) {
            return false;
        }
        if (!a.pseudo || a.rsc == null || a.rsc instanceof PrimitiveRsc) {
            return true;
        }
        String childTask = switch (a.task) {
            case "running" -> "start";
            case "promoted" -> "promote";
            default -> null;
        };
        if (childTask == null) {
            return true;
        }
        boolean any = false;
        boolean all = true;
        for (Rsc c : a.rsc.children()) {
            boolean r = childRunnable(c, childTask);
            any |= r;
            all &= r;
        }
        return a.rsc instanceof GroupRsc ? all && !a.rsc.children().isEmpty() : any;
    }

    private boolean childRunnable(Rsc c, String task) {
        if (c instanceof PrimitiveRsc) {
            List<Act> l = c.actionsFor(task);
            if (l.isEmpty()) {
                return false;
            }
            for (Act x : l) {
                if (x.runnable) {
                    return true;
                }
            }
            return false;
        }
        Act milestone = c.findAction("start".equals(task) ? "running" : "promoted", null);
        return milestone != null && runnable(milestone);
    }

    private final java.util.ArrayDeque<Order> queue = new java.util.ArrayDeque<>();

    private void enqueue(List<Order> l) {
        for (Order o : l) {
            if (!o.queued) {
                o.queued = true;
                queue.add(o);
            }
        }
    }

    /** An action's flags changed: revisit its orderings, and those of collective milestones derived from it. */
    private void touch(Act a, boolean wasRunnable) {
        enqueue(a.before);
        enqueue(a.after);
        for (Rsc p = a.rsc == null ? null : a.rsc.parent; p != null; p = p.parent) {
            for (String m : new String[] {"running", "promoted"}) {
                Act ms = p.findAction(m, null);
                if (ms != null) {
                    enqueue(ms.after);
                }
            }
        }
        if (wasRunnable && !a.runnable) {
            blockColocated(a);
        }
    }

    /**
     * Propagates optional/runnable flags along the orderings until nothing changes (a worklist: only orderings
     * next to a changed action are revisited).
     */
    void propagate() {
        enqueue(orders);
        while (!queue.isEmpty()) {
            Order o = queue.poll();
            o.queued = false;
            boolean fo = o.first.optional;
            boolean fr = o.first.runnable;
            boolean to = o.then.optional;
            boolean tr = o.then.runnable;
            if (!apply(o)) {
                continue;
            }
            if (fo != o.first.optional || fr != o.first.runnable) {
                touch(o.first, fr);
            }
            if (to != o.then.optional || tr != o.then.runnable) {
                touch(o.then, tr);
            }
        }
    }

    /** Once orderings exist: unrunnable starts and promotes block their mandatory colocation dependents. */
    void blockColocatedDependents() {
        for (Act a : List.copyOf(actions)) {
            if (!a.runnable) {
                blockColocated(a);
            }
        }
    }

    /**
     * pcmk__block_colocated_starts: an unrunnable start (or promote) of a resource that must be colocated with
     * others keeps its mandatory dependents from starting (or being promoted) too.
     */
    private void blockColocated(Act action) {
        if (action.runnable || action.rsc == null) {
            return;
        }
        boolean isStart = "start".equals(action.task);
        if (!isStart && !"promote".equals(action.task)) {
            return;
        }
        Rsc rsc = action.rsc.top();
        for (Rsc child : rsc.children()) {
            Act ca = null;
            for (Act x : child.actions) {
                if (x.task.equals(action.task)) {
                    ca = x;
                    break;
                }
            }
            if (ca == null || ca.runnable) {
                return;
            }
        }
        List<Colocation> with = rsc.withThis;
        if (rsc instanceof GroupRsc g && with.isEmpty() && !g.members.isEmpty()) {
            with = g.members.get(g.members.size() - 1).withThis;
        }
        for (Colocation c : List.copyOf(with)) {
            if (c.score() < Scores.INF) {
                continue;
            }
            if (!isStart && c.primaryRole() != Role.PROMOTED) {
                continue;
            }
            markBlocked(c.dependent(), c.dependentRole() == Role.PROMOTED ? "promote" : "start", action.rsc);
        }
    }

    private void markBlocked(Rsc rsc, String task, Rsc reason) {
        for (Act a : List.copyOf(rsc.actions)) {
            if (a.runnable && a.task.equals(task)) {
                a.runnable = false;
                if (a.reason == null) {
                    a.reason = "colocation with " + reason.id;
                }
                touch(a, true);
            }
        }
        for (Rsc c : rsc.children()) {
            markBlocked(c, task, reason);
        }
    }

    private boolean apply(Order o) {
        Act f = o.first;
        Act t = o.then;
        boolean changed = false;
        if (o.has(Order.SERIALIZE)) {
            return false;
        }
        boolean fRun = runnable(f);
        if (o.has(Order.RUNNABLE_LEFT) && !fRun && t.runnable) {
            t.runnable = false;
            if (t.reason == null && f.rsc != null) {
                t.reason = f.reason;
            }
            changed = true;
        }
        if (o.has(Order.ASYMMETRICAL) && !fRun && t.runnable && t.rsc != null && t.rsc.runningOn.isEmpty()) {
            t.runnable = false;
            changed = true;
        }
        if (o.has(Order.IMPLIES_THEN) && !f.optional && t.optional) {
            t.optional = false;
            changed = true;
        }
        if (o.has(Order.IMPLIES_FIRST) && !t.optional && f.optional) {
            f.optional = false;
            changed = true;
        }
        if (o.has(Order.PROMOTED_IMPLIES_FIRST) && !t.optional && f.optional && t.rsc != null
                && t.rsc.role == Role.PROMOTED) {
            f.optional = false;
            changed = true;
        }
        if (o.has(Order.RESTART) && t.rsc != null) {
            // handle_restart_ordering: a required restart needs the stop; a stop that must happen but cannot
            // blocks the start
            boolean reason = !t.optional || (!t.runnable && t.rsc.managed && f.rsc == t.rsc);
            if (reason) {
                if (f.optional && (f.runnable || !t.optional)) {
                    f.optional = false;
                    changed = true;
                }
                if (!f.optional && !f.runnable && t.runnable) {
                    t.runnable = false;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
