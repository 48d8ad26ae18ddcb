package io.vigil.scheduler.engine;

import io.vigil.cib.model.LrmRscOp;

/**
 * One operation history entry with its attributes parsed once (the model computes them on each access, and the
 * status stage reads each of them several times for every entry).
 */
record Op(String operation, long intervalMs, int rcCode, int opStatus, String transitionKey, long lastRcChange,
          int callId, int targetRc, String digest, String restartDigest, String secureDigest,
          String secureParams, String featureSet) {

    static Op of(LrmRscOp op) {
        String key = op.transitionKey();
        return new Op(op.operation(), interval(op), op.rcCode(), op.opStatus(), key, op.lastRcChange(),
                op.callId(), parseTargetRc(key), op.attributes().get("op-digest"),
                op.attributes().get("op-restart-digest"), op.attributes().get("op-secure-digest"),
                op.attributes().get("op-secure-params"), op.attributes().get("crm_feature_set"));
    }

    /** The interval: plain milliseconds (the usual form) parsed directly, anything else by the model. */
    private static long interval(LrmRscOp op) {
        String v = op.attributes().get("interval");
        if (v == null) {
            return 0;
        }
        if (!v.isEmpty() && v.length() < 18) {
            long n = 0;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return op.intervalMs();
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }
        return op.intervalMs();
    }

    private static int parseTargetRc(String k) {
        if (k == null) {
            return -1;
        }
        int a = k.indexOf(':');
        int b = a < 0 ? -1 : k.indexOf(':', a + 1);
        if (b < 0) {
            return -1;
        }
        int c = k.indexOf(':', b + 1);
        try {
            return Integer.parseInt(c < 0 ? k.substring(b + 1) : k.substring(b + 1, c));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
