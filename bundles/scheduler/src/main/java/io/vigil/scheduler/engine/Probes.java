package io.vigil.scheduler.engine;

/** One-shot monitors where a resource's state on a node is unknown (no history there). */
final class Probes {
    private final Engine ctx;

    Probes(Engine ctx) {
        this.ctx = ctx;
    }

    void schedule() {
        if (!ctx.startupProbes) {
            return;
        }
        for (Rsc top : ctx.resources) {
            if (top instanceof CloneRsc c && !c.unique) {
                if (!c.instances.isEmpty()) {
                    for (SNode n : ctx.nodes) {
                        if (!c.knownOn.contains(n)) {
                            Rsc pick = c.instances.get(0);
                            for (Rsc i : c.instances) {
                                if (i.allocatedTo == n) {
                                    pick = i;
                                }
                            }
                            for (PrimitiveRsc p : pick.primitives()) {
                                probe(p, n);
                            }
                        }
                    }
                }
                continue;
            }
            for (PrimitiveRsc p : top.primitives()) {
                for (SNode n : ctx.nodes) {
                    probe(p, n);
                }
            }
        }
    }

    private void probe(PrimitiveRsc p, SNode n) {
        if (!n.online || n.unclean || n.pending || n.shutdown || n.maintenance || !p.managed) {
            return;
        }
        if (p.knownOn.contains(n) || p.runningOn.contains(n)) {
            return;
        }
        Act probe = p.action("monitor", n, false, 0);
        probe.meta.put("probe", "true");
        for (Act start : p.actionsFor("start")) {
            ctx.graph.order(probe, start, Order.OPTIONAL);
        }
    }
}
