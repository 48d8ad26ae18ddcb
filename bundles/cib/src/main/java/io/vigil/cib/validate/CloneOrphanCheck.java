package io.vigil.cib.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;

/**
 * Orphaned instances of an anonymous clone that follow from the history alone. Pacemaker binds each node's
 * history of an anonymous clone to an instance: an instance active on a node is never given to another node, and
 * a second active history of the same primitive on one node is an orphan (it happens when globally-unique was
 * switched off). So an active orphan exists when one node has two active histories of a cloned primitive, or
 * when more nodes have an active history than clone-max allows. Only these certain cases are reported; which
 * further histories become orphans (on unclean nodes, for instance) is decided while scheduling.
 */
final class CloneOrphanCheck implements Check {

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Map<String, String> defaults = cib.configuration().rscDefaults().unconditional();
        Set<String> configured = ConfiguredNodes.of(cib);
        for (Resource top : cib.configuration().resources()) {
            if (!(top instanceof Clone clone) || clone.child() == null) {
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>(clone.meta());
            defaults.forEach(meta::putIfAbsent);
            if (Truth.isTrue(meta.get("globally-unique"))) {
                continue;
            }
            long cloneMax = cloneMax(meta.get("clone-max"), cib.configuration().nodes().size());
            for (Resource r : clone.child().flatten()) {
                if (r instanceof Primitive p) {
                    check(cib, configured, clone, cloneMax, p, problems);
                }
            }
        }
    }

    private static void check(CibSnapshot cib, Set<String> configured, Clone clone, long cloneMax, Primitive p,
                              List<Problem> problems) {
        int activeNodes = 0;
        for (NodeState ns : cib.status().nodes()) {
            if (!ConfiguredNodes.contains(configured, ns)) {
                continue;
            }
            List<String> active = ns.lrmResources().stream()
                    .filter(lr -> lr.id() != null && lr.id().replaceAll(":\\d+$", "").equals(p.id()))
                    .filter(OpHistory::active).map(LrmResource::id).toList();
            if (active.size() > 1) {
                problems.add(Problem.warning("lrm_resource", active.get(1), "id", "clone '" + clone.id() + "' is "
                        + "anonymous, yet " + ns.uname() + " has " + active.size() + " active histories of '" + p.id()
                        + "' " + active + "; all but one are orphans and will be stopped — clean up the stale "
                        + "histories (crm_resource --cleanup) if they are wrong"));
            }
            if (!active.isEmpty()) {
                activeNodes++;
            }
        }
        if (activeNodes > cloneMax) {
            problems.add(Problem.warning("clone", clone.id(), "clone-max", "'" + p.id() + "' is active on "
                    + activeNodes + " nodes but clone-max is " + cloneMax + "; the extra instances are orphans and "
                    + "will be stopped — raise clone-max to keep them"));
        }
    }

    /** clone-max as Pacemaker reads it: an integer, the number of nodes when absent or not a number. */
    private static long cloneMax(String text, int nodes) {
        if (text == null) {
            return nodes;
        }
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return nodes;
        }
    }
}
