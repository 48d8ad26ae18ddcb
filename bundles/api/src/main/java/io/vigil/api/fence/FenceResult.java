package io.vigil.api.fence;

import java.util.List;
import java.util.Objects;

import io.vigil.api.agent.ExecStatus;

/**
 * The outcome of a fence action.
 *
 * @param status whether the action completed ({@link ExecStatus#DONE}) or could not be carried out
 * @param exitCode the agent's exit code: 0 success (for status: powered on), 1 failure, 2 powered off (status)
 * @param output a short message or output excerpt, never {@code null}
 * @param targets for {@link FenceAction#LIST}, the nodes the device can fence; empty otherwise
 */
public record FenceResult(ExecStatus status, int exitCode, String output, List<String> targets) {

    /** Exit code of {@code status} for a target that is powered off. */
    public static final int STATUS_OFF = 2;

    public FenceResult {
        Objects.requireNonNull(status, "status");
        output = output == null ? "" : output;
        targets = List.copyOf(targets);
    }

    /** The action succeeded. */
    public static FenceResult success(String output) {
        return new FenceResult(ExecStatus.DONE, 0, output, List.of());
    }

    /** The action ran and failed. */
    public static FenceResult failure(String output) {
        return new FenceResult(ExecStatus.DONE, 1, output, List.of());
    }

    /** Whether the action ran and succeeded. */
    public boolean isSuccess() {
        return status == ExecStatus.DONE && exitCode == 0;
    }
}
