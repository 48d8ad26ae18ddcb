package io.vigil.scheduler.engine;

import io.vigil.cib.model.Operation;

/** Recurring monitors from the operation definitions (Pacemaker's pcmk__create_recurring_actions). */
final class Recurring {
    private Recurring() {
    }

    static void create(PrimitiveRsc r) {
        if (r.allocatedTo == null || r.nextRole == Role.STOPPED || !r.managed) {
            return;
        }
        Act start = r.findAction("start", r.allocatedTo);
        for (Operation op : r.config.operations()) {
            if (!"monitor".equals(op.name()) || r.ctx.interval(op) <= 0 || !PrimitiveRsc.enabled(op)) {
                continue;
            }
            Role opRole = Role.parse(op.role());
            if (opRole == Role.STOPPED) {
                continue;
            }
            Role target = r.nextRole == Role.STARTED && r.inPromotable() ? Role.UNPROMOTED : r.nextRole;
            if (opRole != Role.UNKNOWN && opRole != Role.STARTED && opRole != target) {
                continue;
            }
            boolean known = r.activeMonitors.contains(r.ctx.interval(op) + "@" + r.allocatedTo.name);
            boolean optional = known && (start == null || start.optional) && r.role == target
                    || (known && r.role == target && start == null);
            Act m = r.action("monitor", r.allocatedTo, optional, r.ctx.interval(op));
            m.meta().put("interval", Long.toString(r.ctx.interval(op)));
            if (start != null) {
                r.ctx.graph.order(start, m, Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
                if (!start.runnable) {
                    m.runnable = false;
                }
            }
            Act promote = r.findAction("promote", r.allocatedTo);
            if (promote != null && target == Role.PROMOTED) {
                r.ctx.graph.order(promote, m, Order.IMPLIES_THEN | Order.RUNNABLE_LEFT);
            }
        }
    }
}
