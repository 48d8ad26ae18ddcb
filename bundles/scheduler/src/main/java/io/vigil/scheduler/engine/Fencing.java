package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

/** Stage: fence unclean nodes (when possible) and turn their resources' stops into implied pseudo actions. */
final class Fencing {
    private final Engine ctx;
    final List<Act> fencing = new ArrayList<>();

    Fencing(Engine ctx) {
        this.ctx = ctx;
    }

    void schedule() {
        boolean anyManaged = false;
        for (Rsc r : ctx.byId.values()) {
            anyManaged |= r.managed;
        }
        Act previous = null;
        for (SNode n : ctx.nodes) {
            if (!(anyManaged && n.unclean && ctx.canFence(n))) {
                continue;
            }
            Act f = ctx.graph.newAction("stonith-" + n.name + "-" + ctx.stonithAction, "stonith", null, n, 0);
            f.nodeAction = true;
            f.optional = false;
            f.meta().put("stonith_action", ctx.stonithAction);
            n.fenceScheduled = true;
            fencing.add(f);
            if (previous != null && !ctx.concurrentFencing) {
                ctx.graph.order(previous, f, Order.OPTIONAL);
            }
            previous = f;
            for (Rsc r : ctx.byId.values()) {
                if (!(r instanceof PrimitiveRsc p) || !p.runningOn.contains(n)) {
                    continue;
                }
                Act stop = p.action("stop", n, false);
                stop.pseudo = true;
                stop.runnable = true;
                stop.reason = n.name + " is unclean";
                ctx.graph.order(f, stop, Order.IMPLIES_THEN);
                Act demote = p.findAction("demote", n);
                if (demote != null) {
                    demote.pseudo = true;
                    demote.runnable = true;
                    ctx.graph.order(f, demote, Order.IMPLIES_THEN);
                }
            }
        }
        // Starts wait for fencing: resources that require fencing start only after every fence action;
        // those that require quorum only when their state on the fenced node is unknown.
        if (!fencing.isEmpty()) {
            for (Rsc r : ctx.byId.values()) {
                if (!(r instanceof PrimitiveRsc p)) {
                    continue;
                }
                String requires = p.requires();
                if ("nothing".equals(requires)) {
                    continue;
                }
                for (Act start : p.actionsFor("start")) {
                    for (Act f : fencing) {
                        if ("quorum".equals(requires)) {
                            if (p.allowed.has(f.node) && !p.knownOn.contains(f.node) && !p.runningOn.contains(f.node)) {
                                ctx.graph.order(f, start, Order.OPTIONAL | Order.RUNNABLE_LEFT);
                            }
                        } else {
                            ctx.graph.order(f, start, Order.OPTIONAL);
                        }
                    }
                }
            }
        }
        ctx.graph.fencing.addAll(fencing);
    }
}
