package io.vigil.scheduler;

/** What an {@link Action} does. Pseudo actions (group/clone milestones, implied stops) have {@code pseudo()} true. */
public enum ActionKind {
    /** One-shot monitor (interval 0) that discovers whether a resource runs on a node. */
    PROBE("monitor"),
    START("start"),
    STOP("stop"),
    /** A recurring monitor (interval &gt; 0). */
    MONITOR("monitor"),
    PROMOTE("promote"),
    DEMOTE("demote"),
    NOTIFY("notify"),
    /** Cancel a recurring monitor that no longer applies. */
    CANCEL("cancel"),
    /** Fence (reboot/off) a node. */
    FENCE("stonith"),
    /** Clean shutdown of a node's cluster stack. */
    SHUTDOWN("do_shutdown"),
    /** Clear a fail count. */
    CLEAR_FAILCOUNT("clear_failcount"),
    /** Milestones of collective resources: running, stopped, promoted, demoted, notified. */
    RUNNING("running"),
    STOPPED("stopped"),
    PROMOTED("promoted"),
    DEMOTED("demoted"),
    NOTIFIED("notified");

    private final String task;

    ActionKind(String task) {
        this.task = task;
    }

    /** The operation name an agent sees (monitor for probes and recurring monitors). */
    public String task() {
        return task;
    }
}
