package io.vigil.cib.validate;

import java.util.List;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Score;
import io.vigil.cib.model.Truth;

/**
 * What Pacemaker's crm_verify warns about in a CIB's state, without running a scheduler: no fence device (nor
 * watchdog) while fencing is on, lost quorum, status of nodes no longer configured, and, as INFO (the scheduler acts on them;
 * they do not make the document suspect), failed operations and fail counts at the migration threshold.
 */
final class StatusCheck implements Check {

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        var props = cib.configuration().properties();
        // have-watchdog=true (SBD) is a fencing mechanism of its own: Pacemaker counts it as a fencing device.
        boolean watchdog = Truth.isTrue(props.values().get("have-watchdog"));
        if (props.stonithEnabled() && cib.configuration().fencingDevices().isEmpty() && !watchdog) {
            problems.add(Problem.error("cluster_property_set", null, "stonith-enabled", "fencing is enabled but no "
                    + "fencing device (stonith primitive) is configured, so no resource will start; configure one or "
                    + "set stonith-enabled=false"));
        }
        if (!cib.haveQuorum() && !"ignore".equals(props.noQuorumPolicy()) && !cib.status().nodes().isEmpty()) {
            problems.add(Problem.info("cib", null, "have-quorum", "the cluster has no quorum: fencing and resource "
                    + "management are disabled (no-quorum-policy=" + props.noQuorumPolicy() + ")"));
        }
        Set<String> configured = ConfiguredNodes.of(cib);
        for (NodeState ns : cib.status().nodes()) {
            if (Truth.isTrue(ns.attributes().get("remote_node"))) {
                continue;
            }
            if (!configured.contains(ns.uname()) && !configured.contains(ns.id())) {
                problems.add(Problem.warning("node_state", ns.id(), "uname", "status of node '" + ns.uname()
                        + "' is ignored because the node is no longer configured"));
                continue;
            }
            failedOperations(ns, problems);
            failCounts(cib, ns, problems);
        }
    }

    private static void failedOperations(NodeState ns, List<Problem> problems) {
        for (LrmResource r : ns.lrmResources()) {
            for (LrmRscOp op : r.ops()) {
                int status = op.opStatus();
                int expected = OpHistory.expectedRc(op);
                boolean failed = status >= 2 && status <= 7 || status == 0 && expected >= 0 && op.rcCode() != expected
                        && !(op.rcCode() == 7 && expected == 0 && "stop".equals(op.operation()));
                if (failed && op.callId() >= 0) {
                    problems.add(Problem.info("lrm_rsc_op", op.id(), "rc-code", op.operation() + " of '" + r.id()
                            + "' on " + ns.uname() + " failed (rc-code " + op.rcCode() + ", op-status " + status + ")"));
                }
            }
        }
    }

    private static void failCounts(CibSnapshot cib, NodeState ns, List<Problem> problems) {
        for (FailCount fc : ns.failCounts()) {
            Resource r = cib.configuration().resource(fc.resource().replaceAll(":\\d+$", "")).orElse(null);
            if (r == null) {
                continue;
            }
            String mt = r.meta().getOrDefault("migration-threshold",
                    cib.configuration().rscDefaults().get("migration-threshold").orElse("INFINITY"));
            Score threshold = Score.tryParse(mt).orElse(Score.INFINITY);
            if (threshold.value() > 0 && fc.count().compareTo(threshold) >= 0) {
                problems.add(Problem.info("node_state", ns.id(), FailCount.FAIL_COUNT + fc.resource(), "'"
                        + fc.resource() + "' cannot run on " + ns.uname() + ": fail count " + fc.count()
                        + " reached migration-threshold " + threshold + "; clean up the resource to allow it again"));
            }
        }
    }
}
