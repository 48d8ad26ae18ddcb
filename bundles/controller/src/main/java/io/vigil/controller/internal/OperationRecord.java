package io.vigil.controller.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.executor.api.OperationResult;

/**
 * Builds the CIB's operation-history entry (lrm_rsc_op) for a result, with Pacemaker's ids: {@code RSC_last_0} for
 * the last one-shot operation, {@code RSC_last_failure_0} for the last failure, {@code RSC_monitor_INTERVAL} for
 * recurring monitors.
 */
final class OperationRecord {

    private OperationRecord() {
    }

    /** Pacemaker's op-status numbers. */
    static int opStatus(ExecStatus s) {
        return switch (s) {
            case PENDING -> -1;
            case DONE -> 0;
            case CANCELLED -> 1;
            case TIMED_OUT -> 2;
            case NOT_SUPPORTED -> 3;
            case ERROR -> 4;
            case NOT_CONNECTED -> 5;
            case ERROR_HARD -> 6;
            case ERROR_FATAL -> 7;
            case NOT_INSTALLED -> 8;
            case INVALID -> 9;
        };
    }

    /** The exit code recorded: the agent's, or for an action that could not run, a generic error. */
    static int rc(OperationResult r) {
        if (r.result().status() == ExecStatus.NOT_INSTALLED) {
            return OcfExitCode.ERR_INSTALLED.code();
        }
        return r.result().status() == ExecStatus.DONE ? r.result().exitCode().code() : OcfExitCode.ERR_GENERIC.code();
    }

    /** Whether the result is what the graph wanted. Probes are observations: every clean answer is expected. */
    static boolean expected(ExecRequest req, OperationResult r) {
        if (r.result().status() != ExecStatus.DONE) {
            return false;
        }
        int rc = rc(r);
        if (req.isProbe()) {
            return rc == 0 || rc == 7 || rc == 8;
        }
        return rc == req.targetRc();
    }

    static String id(ExecRequest req, boolean failure) {
        if (req.intervalMs() > 0 && !failure) {
            return req.resource() + "_" + req.task() + "_" + req.intervalMs();
        }
        return req.resource() + (failure ? "_last_failure_0" : "_last_0");
    }

    static LrmRscOp build(String node, ExecRequest req, OperationResult r, boolean failure) {
        int rc = rc(r);
        int status = opStatus(r.result().status());
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", id(req, failure));
        a.put("operation_key", req.operationKey());
        a.put("operation", req.task());
        a.put("crm-debug-origin", "vigil");
        a.put("crm_feature_set", "3.16.2");
        a.put("transition-key", req.transitionKey());
        a.put("transition-magic", status + ":" + rc + ";" + req.transitionKey());
        a.put("exit-reason", excerpt(r.result().output()));
        a.put("on_node", node);
        a.put("call-id", Long.toString(r.callId()));
        a.put("rc-code", Integer.toString(rc));
        a.put("op-status", Integer.toString(status));
        a.put("interval", Long.toString(req.intervalMs()));
        long epoch = r.started().getEpochSecond();
        a.put("last-rc-change", Long.toString(epoch));
        a.put("last-run", Long.toString(epoch));
        a.put("exec-time", Long.toString(r.duration().toMillis()));
        a.put("queue-time", "0");
        return new LrmRscOp(a);
    }

    /** The first line of the output, short: what crm_mon shows as the exit reason. */
    static String excerpt(String output) {
        String line = output.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** The transition key: actionId:transitionId:targetRc:dc. */
    static String transitionKey(int actionId, long transitionId, int targetRc, String dc) {
        return actionId + ":" + transitionId + ":" + targetRc + ":" + dc;
    }
}
