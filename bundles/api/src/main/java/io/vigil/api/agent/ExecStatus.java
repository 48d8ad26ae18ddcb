package io.vigil.api.agent;

/**
 * Whether an agent action could be carried out at all, independent of the agent's {@link OcfExitCode}. Mirrors
 * Pacemaker's execution status: an action that timed out has no meaningful exit code.
 */
public enum ExecStatus {
    /** The action has not completed yet. */
    PENDING,
    /** The agent ran and returned an exit code; look at the code. */
    DONE,
    /** The action was cancelled before it completed (e.g. a recurring monitor that was stopped). */
    CANCELLED,
    /** The action did not complete within its timeout; the agent (and its whole process tree) was killed. */
    TIMED_OUT,
    /** The agent does not implement this action. */
    NOT_SUPPORTED,
    /** The agent could not be run, or failed in a way that yielded no exit code (e.g. it threw). */
    ERROR,
    /** As {@link #ERROR}, and retrying on this node is pointless. */
    ERROR_HARD,
    /** As {@link #ERROR}, and retrying on any node is pointless. */
    ERROR_FATAL,
    /** No agent of the requested type is installed on this node. */
    NOT_INSTALLED,
    /** The node or executor that should run the action is not reachable. */
    NOT_CONNECTED,
    /** The request itself was invalid (e.g. an unknown action name). */
    INVALID
}
