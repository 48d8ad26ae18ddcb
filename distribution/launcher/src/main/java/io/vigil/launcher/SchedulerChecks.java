package io.vigil.launcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.tool.VerifyCheck;
import io.vigil.scheduler.Scheduler;
import io.vigil.scheduler.Transition;

/**
 * What {@code vigil verify} learns by scheduling the CIB, as crm_verify does (it runs Pacemaker's scheduler and
 * counts the configuration warnings raised on the way): a node that must be fenced, an unclean node that cannot be
 * fenced; what else the scheduler notes is passed on as advice. The CIB bundle cannot see the scheduler (it is the
 * lower layer), so the launcher, which sees both, adds these to the CIB's own validation.
 */
final class SchedulerChecks implements VerifyCheck {

    private final Instant now;

    /** @param now the moment to schedule for (crm_verify uses the current time) */
    SchedulerChecks(Instant now) {
        this.now = now;
    }

    @Override
    public List<Problem> check(CibSnapshot cib) {
        Transition t;
        try {
            t = Scheduler.schedule(cib, now);
        } catch (RuntimeException e) {
            // The CIB's own validation has already named what it could; say that scheduling was not checked.
            return List.of(Problem.warning("cib", null, "configuration", "the scheduler could not run on this CIB ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); fix the errors above and verify again"));
        }
        List<Problem> problems = new ArrayList<>();
        for (String fencing : t.fenced()) {
            int colon = fencing.lastIndexOf(':');
            String node = colon < 0 ? fencing : fencing.substring(0, colon);
            String action = colon < 0 ? "reboot" : fencing.substring(colon + 1);
            if ("on".equals(action)) {
                continue; // unfencing a node that joins is routine, not a sign of trouble
            }
            problems.add(Problem.warning("node", node, "state", "the node is unclean and will be fenced (" + action
                    + "); find out why it left the cluster or failed to stop a resource before it rejoins"));
        }
        for (Map.Entry<String, String> e : t.nodeStates().entrySet()) {
            if ("unclean".equals(e.getValue())) {
                problems.add(Problem.warning("node", e.getKey(), "state", "the node is unclean but cannot be fenced "
                        + "(fencing disabled, no fencing device, or no quorum), so its resources cannot be recovered "
                        + "safely; configure and enable fencing, or confirm the node is down (stonith_admin --confirm)"));
            }
        }
        for (String w : t.warnings()) {
            // Advice only: the CIB's validation already judges the references these name (with object and field).
            problems.add(Problem.info("configuration", null, null, "while scheduling: " + w));
        }
        return problems;
    }
}
