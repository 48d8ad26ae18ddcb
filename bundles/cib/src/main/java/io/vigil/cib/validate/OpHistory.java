package io.vigil.cib.validate;

import java.util.Comparator;
import java.util.List;

import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;

/** Reads a resource's operation history the way Pacemaker's status unpacking does, as far as validation needs. */
final class OpHistory {

    private static final int CANCELLED = 1;
    private static final int NOT_RUNNING = 7;
    private static final int NOT_INSTALLED = 5;

    private OpHistory() {
    }

    /** The rc the operation was expected to return (third field of its transition key), -1 when unknown. */
    static int expectedRc(LrmRscOp op) {
        String key = op.transitionKey();
        if (key == null) {
            return -1;
        }
        String[] parts = key.split(":");
        try {
            return parts.length >= 4 ? Integer.parseInt(parts[2]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether the history leaves the resource active on its node: replayed in call order, a successful stop or a
     * "not running" result ends activity; a start, promotion, migration or successful monitor begins it; a failed
     * stop or a failed start leaves it active (Pacemaker cannot know it is down). Pending operations (call id -1)
     * come last.
     */
    static boolean active(LrmResource lr) {
        List<LrmRscOp> ops = lr.ops().stream()
                .sorted(Comparator.comparingLong((LrmRscOp o) -> o.callId() < 0 ? Long.MAX_VALUE : o.callId()))
                .toList();
        boolean active = false;
        for (LrmRscOp op : ops) {
            String task = op.operation() == null ? "" : op.operation();
            if (op.opStatus() == CANCELLED || !isRoleChanging(task)) {
                continue;
            }
            if (op.callId() < 0) {
                active = active || !"monitor".equals(task); // an operation still running (except a probe)
                continue;
            }
            int rc = op.rcCode();
            boolean probe = "monitor".equals(task) && op.intervalMs() == 0;
            if (rc == NOT_RUNNING && ("monitor".equals(task) || "stop".equals(task))) {
                active = false;
            } else if ("stop".equals(task)) {
                active = rc != 0 || op.opStatus() != 0;
            } else if (probe && rc == NOT_INSTALLED) {
                active = false;
            } else {
                active = true;
            }
        }
        return active;
    }

    private static boolean isRoleChanging(String task) {
        return switch (task) {
            case "start", "stop", "monitor", "promote", "demote", "migrate_to", "migrate_from" -> true;
            default -> false;
        };
    }
}
