package io.vigil.scheduler.engine;

import io.vigil.scheduler.Placement;

import java.util.List;

/**
 * Which resources the cluster status lists (crm_mon's resource list, which the verdict's "final" mirrors).
 * A group or clone that is active only through unmanaged members on offline nodes is listed nowhere: such a
 * member does not count as running for its parent (native_add_running), yet makes the parent partially
 * active, and the status skips partially active resources running on no node.
 */
final class Listing {
    private Listing() {
    }

    static boolean listed(Rsc top) {
        if (top instanceof PrimitiveRsc || !unmanagedOffline(top)) {
            return true;
        }
        boolean active = false;
        for (PrimitiveRsc p : top.primitives()) {
            List<Placement> placed = FinalState.of(p);
            for (Placement pl : placed) {
                SNode n = p.ctx.nodeByName.get(pl.node());
                active = true;
                if (p.managed || n.online) {
                    return true;
                }
            }
        }
        return !active;
    }

    /** Only an unmanaged member left on an offline node can hide its parent (checked first: it is rare). */
    private static boolean unmanagedOffline(Rsc top) {
        for (PrimitiveRsc p : top.primitives()) {
            if (!p.managed) {
                for (SNode n : p.runningOn) {
                    if (!n.online) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
