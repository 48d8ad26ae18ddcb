package io.vigil.api.agent;

/**
 * The exit codes of the OCF 1.1 resource-agent API: what an agent says about the resource. Whether the agent could
 * run at all is a separate dimension, {@link ExecStatus}.
 */
public enum OcfExitCode {
    SUCCESS(0, "ok"),
    ERR_GENERIC(1, "error"),
    ERR_ARGS(2, "invalid parameter"),
    ERR_UNIMPLEMENTED(3, "unimplemented feature"),
    ERR_PERM(4, "insufficient privileges"),
    ERR_INSTALLED(5, "not installed"),
    ERR_CONFIGURED(6, "not configured"),
    NOT_RUNNING(7, "not running"),
    RUNNING_PROMOTED(8, "promoted"),
    FAILED_PROMOTED(9, "promoted (failed)"),
    DEGRADED(190, "degraded"),
    DEGRADED_PROMOTED(191, "promoted (degraded)");

    private final int code;
    private final String description;

    OcfExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The numeric code, as an OCF script would exit with it. */
    public int code() {
        return code;
    }

    /** Pacemaker's short wording, as shown in failed-action lists. */
    public String description() {
        return description;
    }

    /**
     * The exit code for a number. Codes outside OCF 1.1 are treated as {@link #ERR_GENERIC}, as Pacemaker does.
     */
    public static OcfExitCode of(int code) {
        for (OcfExitCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return ERR_GENERIC;
    }

    /**
     * Whether this code means the failure cannot be fixed by retrying on the same node (OCF "hard" errors: the
     * resource should not be tried there again until cleaned up).
     */
    public boolean isHardError() {
        return this == ERR_ARGS || this == ERR_UNIMPLEMENTED || this == ERR_PERM || this == ERR_INSTALLED;
    }

    /** Whether this code means the configuration is wrong everywhere (OCF "fatal": stop trying on any node). */
    public boolean isFatalError() {
        return this == ERR_CONFIGURED;
    }
}
