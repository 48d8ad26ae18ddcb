package io.vigil.shell.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;

/**
 * Where resources are active now, read from the operation history in the CIB's status, the way crm_mon reads it:
 * the last operation on each node decides (start → Started, promote → Promoted, a probe or monitor that found it
 * running → Started/Promoted, stop or "not running" → Stopped, anything else failed).
 */
public final class ResourceStates {

    /** A resource instance's role on one node. */
    public record Active(String resource, String node, String role, boolean failed) {
    }

    /** A failed operation, as crm_mon's "Failed Resource Actions" lists it. */
    public record FailedAction(String resource, String node, String operation, long intervalMs, int rc,
            int opStatus, String reason, long lastRcChange) {
    }

    private ResourceStates() {
    }

    /**
     * Active instances on nodes that are online, and on lost nodes not yet fenced when fencing is enabled (their
     * resources may still run); a node that is offline otherwise runs nothing as far as the cluster knows.
     */
    public static List<Active> active(CibSnapshot cib) {
        List<Active> out = new ArrayList<>();
        boolean fencing = cib.configuration().properties().stonithEnabled();
        for (NodeState n : cib.status().nodes()) {
            if (!n.inCcm() && !(fencing && "member".equals(n.expected()))) {
                continue;
            }
            for (LrmResource r : n.lrmResources()) {
                role(r).ifPresent(role -> out.add(new Active(r.id(), n.uname(), role,
                        role.equals("FAILED"))));
            }
        }
        out.sort(Comparator.comparing(Active::resource).thenComparing(Active::node));
        return out;
    }

    /** The role of a resource on a node from its history; empty when stopped. */
    static Optional<String> role(LrmResource r) {
        Optional<LrmRscOp> last = r.ops().stream().filter(o -> o.id() == null || !o.id().endsWith("_last_failure_0"))
                .max(Comparator.comparingInt(LrmRscOp::callId));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        LrmRscOp op = last.get();
        int rc = op.rcCode();
        String task = op.operation() == null ? "" : op.operation();
        if (op.opStatus() != 0) {
            return Optional.of("FAILED");
        }
        switch (task) {
            case "stop":
            case "migrate_to":
                return rc == 0 ? Optional.empty() : Optional.of("FAILED");
            case "start":
            case "migrate_from":
                return rc == 0 ? Optional.of("Started") : Optional.of("FAILED");
            case "promote":
                return rc == 0 || rc == 8 ? Optional.of("Promoted") : Optional.of("FAILED");
            case "demote":
                return rc == 0 ? Optional.of("Unpromoted") : Optional.of("FAILED");
            case "monitor":
                if (rc == 7) {
                    return Optional.empty();
                }
                return rc == 0 ? Optional.of("Started") : rc == 8 ? Optional.of("Promoted") : Optional.of("FAILED");
            default:
                return rc == 0 ? Optional.of("Started") : Optional.of("FAILED");
        }
    }

    /** The failures recorded in the history (the {@code _last_failure_0} entries). */
    public static List<FailedAction> failures(CibSnapshot cib) {
        List<FailedAction> out = new ArrayList<>();
        for (NodeState n : cib.status().nodes()) {
            for (LrmResource r : n.lrmResources()) {
                for (LrmRscOp op : r.ops()) {
                    if (op.id() != null && op.id().endsWith("_last_failure_0")) {
                        out.add(new FailedAction(r.id(), n.uname(), op.operation(), op.intervalMs(), op.rcCode(),
                                op.opStatus(), op.attributes().getOrDefault("exit-reason", ""), op.lastRcChange()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(FailedAction::resource).thenComparing(FailedAction::node));
        return out;
    }

    /** Per resource id (instance numbers kept), the nodes where it is active. */
    public static TreeMap<String, List<Active>> byResource(CibSnapshot cib) {
        TreeMap<String, List<Active>> m = new TreeMap<>();
        for (Active a : active(cib)) {
            m.computeIfAbsent(a.resource(), k -> new ArrayList<>()).add(a);
        }
        return m;
    }
}
