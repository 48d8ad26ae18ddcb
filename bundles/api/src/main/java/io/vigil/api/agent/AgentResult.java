package io.vigil.api.agent;

import java.util.Objects;

/**
 * The outcome of one agent action: whether it ran ({@link #status()}) and, when it did, what the agent said
 * ({@link #exitCode()}), plus a short human-readable output (an excerpt of what the agent printed or a message).
 *
 * @param status whether the action completed
 * @param exitCode the agent's OCF exit code; meaningful only when {@code status} is {@link ExecStatus#DONE}
 * @param output a short message or output excerpt, never {@code null}
 */
public record AgentResult(ExecStatus status, OcfExitCode exitCode, String output) {

    public AgentResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        output = output == null ? "" : output;
    }

    /** The action completed with the given exit code. */
    public static AgentResult of(OcfExitCode code, String output) {
        return new AgentResult(ExecStatus.DONE, code, output);
    }

    /** The action completed with {@link OcfExitCode#SUCCESS}. */
    public static AgentResult success() {
        return of(OcfExitCode.SUCCESS, "");
    }

    /** A monitor or probe found the resource stopped. */
    public static AgentResult notRunning(String output) {
        return of(OcfExitCode.NOT_RUNNING, output);
    }

    /** The action completed with an error code. */
    public static AgentResult error(OcfExitCode code, String message) {
        return of(code, message);
    }

    /** The action could not be carried out at all. */
    public static AgentResult failed(ExecStatus status, String message) {
        return new AgentResult(status, OcfExitCode.ERR_GENERIC, message);
    }

    /** Whether the action ran and the agent reported success. */
    public boolean isSuccess() {
        return status == ExecStatus.DONE && exitCode == OcfExitCode.SUCCESS;
    }
}
