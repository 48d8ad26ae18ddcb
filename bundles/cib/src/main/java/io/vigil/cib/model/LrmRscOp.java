package io.vigil.cib.model;

import java.util.Map;

/**
 * One entry of a resource's operation history (lrm_rsc_op). All attributes are kept as recorded
 * (both the dashed and the old underscore spellings); typed accessors read the common ones.
 */
public record LrmRscOp(Map<String, String> attributes) {

    public LrmRscOp {
        attributes = Lists.copy(attributes);
    }

    public String id() {
        return attributes.get("id");
    }

    public String operation() {
        return attributes.get("operation");
    }

    public String operationKey() {
        return attributes.get("operation_key");
    }

    public int callId() {
        return integer("call-id", -1);
    }

    /** The OCF exit code the agent returned. */
    public int rcCode() {
        return integer("rc-code", -1);
    }

    /** Execution status (0 done, 1 cancelled, 2 timed out, 3 not supported, 4 error, ...). */
    public int opStatus() {
        return integer("op-status", 0);
    }

    public long intervalMs() {
        String v = attributes.get("interval");
        return v == null ? 0 : TimeSpec.toMillis(v.trim().matches("\\d+") ? v + "ms" : v).orElse(0);
    }

    public long lastRcChange() {
        return longValue(attributes.containsKey("last-rc-change") ? "last-rc-change" : "last_rc_change");
    }

    public long lastRun() {
        return longValue(attributes.containsKey("last-run") ? "last-run" : "last_run");
    }

    public long execTime() {
        return longValue(attributes.containsKey("exec-time") ? "exec-time" : "exec_time");
    }

    public String transitionKey() {
        return attributes.get("transition-key");
    }

    public String transitionMagic() {
        return attributes.get("transition-magic");
    }

    public String onNode() {
        return attributes.get("on_node");
    }

    public String opDigest() {
        return attributes.get("op-digest");
    }

    private int integer(String key, int dflt) {
        try {
            return Integer.parseInt(attributes.getOrDefault(key, "").trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private long longValue(String key) {
        try {
            return Long.parseLong(attributes.getOrDefault(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
