package io.vigil.cib.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Score;
import io.vigil.cib.model.TimeSpec;

/**
 * A failure-timeout is ignored where a failure of the resource is blocked: when a node has a fail count for the
 * resource and the failed operation is configured {@code on-fail=block}, the failure never expires (Pacemaker
 * warns while computing the fail count). Like Pacemaker, only an explicit {@code on-fail="block"} on the
 * operation counts, matched to the recorded failure by name and interval.
 */
final class FailureTimeoutCheck implements Check {

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Map<String, String> defaults = cib.configuration().rscDefaults().unconditional();
        Set<String> configured = ConfiguredNodes.of(cib);
        for (Resource r : cib.configuration().allResources().values()) {
            if (!(r instanceof Primitive p)) {
                continue;
            }
            String timeout = p.meta().getOrDefault("failure-timeout", defaults.get("failure-timeout"));
            if (timeout == null || TimeSpec.toMillis(timeout).orElse(0) < 1000) {
                continue; // Pacemaker keeps whole seconds: below one second there is no timeout to ignore
            }
            List<Operation> blocking = p.operations().stream().filter(o -> "block".equals(o.onFail())).toList();
            if (blocking.isEmpty()) {
                continue;
            }
            for (NodeState ns : cib.status().nodes()) {
                if (ConfiguredNodes.contains(configured, ns) && failCount(ns, p.id()) > 0
                        && blockedFailure(ns, p.id(), blocking)) {
                    problems.add(Problem.warning("primitive", p.id(), "failure-timeout", "failure-timeout="
                            + timeout + " is ignored on " + ns.uname() + " because the failed operation is configured "
                            + "on-fail=block; clean up the resource (crm_resource --cleanup) to clear the failure"));
                }
            }
        }
    }

    private static long failCount(NodeState ns, String rsc) {
        Score sum = Score.ZERO;
        for (FailCount fc : ns.failCounts()) {
            if (fc.resource().replaceAll(":\\d+$", "").equals(rsc)) {
                sum = sum.plus(fc.count());
            }
        }
        return sum.value();
    }

    /** A recorded failure of one of the blocking operations (its last_failure entry, or its entry with a bad rc). */
    private static boolean blockedFailure(NodeState ns, String rsc, List<Operation> blocking) {
        LrmResource lr = ns.lrmResource(rsc).orElse(null);
        if (lr == null) {
            return false;
        }
        for (Operation o : blocking) {
            for (LrmRscOp op : lr.ops()) {
                if (!o.name().equalsIgnoreCase(op.operation()) || op.intervalMs() != o.intervalMs()) {
                    continue;
                }
                if (op.id() != null && op.id().equalsIgnoreCase(rsc + "_last_failure_0")) {
                    return true;
                }
                String key = rsc + "_" + o.name() + "_" + o.intervalMs();
                if (op.id() != null && op.id().equalsIgnoreCase(key) && op.rcCode() != OpHistory.expectedRc(op)) {
                    return true;
                }
            }
        }
        return false;
    }
}
