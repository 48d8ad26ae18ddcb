package io.vigil.controller.internal;

import java.util.Map;

/**
 * The DC's request that a node run one resource operation (Pacemaker's "lrm_invoke"). The transition key ties the
 * result recorded in the CIB back to the graph action.
 *
 * @param transitionKey {@code actionId:transitionId:targetRc:dcName}
 * @param resource the resource instance
 * @param standard the agent class
 * @param provider the OCF provider, or null
 * @param type the agent type
 * @param task start, stop, monitor, promote, demote, notify or cancel
 * @param intervalMs the monitor interval, 0 for one-shot operations
 * @param timeoutMs the operation timeout
 * @param targetRc the exit code the graph expects
 * @param params instance attributes and CRM_meta_* entries
 */
record ExecRequest(String transitionKey, String resource, String standard, String provider, String type,
        String task, long intervalMs, long timeoutMs, int targetRc, Map<String, String> params) {

    ExecRequest {
        params = Map.copyOf(params);
    }

    /** Pacemaker's operation key, RSC_TASK_INTERVAL. */
    String operationKey() {
        return resource + "_" + task + "_" + intervalMs;
    }

    /** A probe: a one-shot monitor that discovers state rather than checks it. */
    boolean isProbe() {
        return "monitor".equals(task) && intervalMs == 0;
    }
}
