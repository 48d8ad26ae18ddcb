package io.vigil.shell.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Resource;

/**
 * The status changes of cleanup and refresh (crm_resource --cleanup / --refresh, pcs resource cleanup/refresh,
 * crm resource cleanup). Cleanup forgets the history and fail counts where a resource failed, so the scheduler
 * re-probes it there; refresh forgets its whole history everywhere. A clone's or group's id covers its primitives;
 * clone instances ({@code rsc:N}) belong to their primitive.
 */
public final class Cleanups {

    private Cleanups() {
    }

    /**
     * @param rsc a resource id, or null for every resource
     * @param node a node name, or null for every node
     * @param refresh true: whole history; false: only where the resource failed
     */
    public static List<CibChange> changes(CibSnapshot cib, String rsc, String node, boolean refresh) {
        Set<String> primitives = primitives(cib, rsc);
        List<CibChange> out = new ArrayList<>();
        for (NodeState n : cib.status().nodes()) {
            if (node != null && !node.equals(n.uname())) {
                continue;
            }
            Set<String> failedHere = new LinkedHashSet<>();
            for (FailCount f : n.failCounts()) {
                if (matches(primitives, f.resource())) {
                    failedHere.add(f.resource());
                }
            }
            for (LrmResource l : n.lrmResources()) {
                boolean failed = l.ops().stream().anyMatch(o -> o.id() != null && o.id().endsWith("_last_failure_0"));
                if (matches(primitives, l.id()) && (refresh || failed || failedHere.contains(l.id()))) {
                    out.add(new CibChange.DeleteOperationHistory(n.uname(), l.id(), null));
                }
            }
            for (String r : failedHere) {
                out.add(new CibChange.ClearFailCount(n.uname(), r, null));
            }
        }
        return out;
    }

    private static Set<String> primitives(CibSnapshot cib, String rsc) {
        if (rsc == null) {
            return null;
        }
        Resource r = cib.configuration().resource(rsc).orElse(null);
        Set<String> out = new LinkedHashSet<>();
        if (r == null) {
            out.add(rsc);
        } else {
            r.flatten().forEach(x -> out.add(x.id()));
        }
        return out;
    }

    private static boolean matches(Set<String> primitives, String id) {
        if (primitives == null) {
            return true;
        }
        int colon = id.indexOf(':');
        return primitives.contains(colon < 0 ? id : id.substring(0, colon));
    }
}
