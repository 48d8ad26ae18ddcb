package io.vigil.scheduler.engine;

import java.util.ArrayList;

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
        if (!n.online || n.unclean || n.maintenance || !p.managed || p.orphan) {
            return;
        }
        if (p.knownOn.contains(n) || p.runningOn.contains(n)) {
            return;
        }
        if (n.pending) {
            // a probe on a pending node cannot run yet: until it can, a resource not active anywhere cannot start
            Act probe = p.action("monitor", n, false, 0);
            probe.probe = true;
            for (Act start : p.actionsFor("start")) {
                ctx.graph.order(probe, start, p.runningOn.isEmpty() ? Order.RUNNABLE_LEFT : Order.OPTIONAL);
            }
            return;
        }
        // Probes are always required and runnable, and only ever come first in optional orderings before the
        // resource's starts: they are kept as (resource, node) pairs and become graph actions at output time.
        if (p.probes == null) {
            p.probes = new ArrayList<>(ctx.nodes.size());
        }
        p.probes.add(n);
    }
}
