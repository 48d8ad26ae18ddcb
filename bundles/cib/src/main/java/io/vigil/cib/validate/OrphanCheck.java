package io.vigil.cib.validate;

import java.util.List;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.NodeState;

/**
 * An orphan: a resource whose history says it is active on a node but which is no longer configured. Pacemaker
 * warns and stops it (or leaves it to the operator when stop-orphan-resources=false). Histories of clone instances
 * ({@code rsc:N} of a configured clone child) are not orphans here: which instances are extra is decided while
 * scheduling (instance numbers are assigned there).
 */
final class OrphanCheck implements Check {

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Set<String> configured = ConfiguredNodes.of(cib);
        boolean stopOrphans = cib.configuration().properties().stopOrphanResources();
        for (NodeState ns : cib.status().nodes()) {
            if (!ConfiguredNodes.contains(configured, ns)) {
                continue;
            }
            for (LrmResource lr : ns.lrmResources()) {
                String base = lr.id() == null ? null : lr.id().replaceAll(":\\d+$", "");
                if (base == null || cib.configuration().resource(base).isPresent() || !OpHistory.active(lr)) {
                    continue;
                }
                problems.add(Problem.warning("lrm_resource", lr.id(), "id", "resource '" + lr.id() + "' is active on "
                        + ns.uname() + " but no longer configured (an orphan); " + (stopOrphans
                                ? "it will be stopped — configure it again to keep it running"
                                : "stop-orphan-resources=false, so stop it there by hand")));
            }
        }
    }
}
