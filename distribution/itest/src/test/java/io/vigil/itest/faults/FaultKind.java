package io.vigil.itest.faults;

/** The faults the harness injects (issue 9), each applied to one host or to the network between hosts. */
public enum FaultKind {
    /** The host's whole PID namespace is killed: a power cut; the host is powered on again afterwards. */
    POWER_OFF,
    /** {@code kill -9} of the node's JVM only: whatever its agents started keeps running (here: its Dummy state). */
    CRASH,
    /** {@code SIGSTOP} of the host's whole process tree for 0.5–10 s, then {@code SIGCONT}. */
    PAUSE,
    /** The hosts are split into a majority and a minority that cannot reach each other (nftables, both ways). */
    PARTITION,
    /** The host's packets to its peers are dropped while it still hears them (nftables, one way). */
    ONE_WAY_CUT,
    /** The host's switch port goes down and up a few times. */
    FLAPPING_LINK,
    /** A share of the host's packets is dropped (nftables {@code numgen random}). */
    PACKET_LOSS,
    /** The active copy of a resource vanishes behind the agent's back, so its next monitor fails. */
    MONITOR_FAILURE,
    /** The host's node is stopped gracefully and started again. */
    NODE_RESTART,
    /** The fence device refuses to fence while the active host is powered off; it works again at the heal. */
    FENCE_DEVICE_FAILURE,
    /**
     * The active copy of r1 cannot be stopped (its state file is pinned by a bind mount in the host's mount
     * namespace) and r1 is banned from its host: with fencing the host is fenced and r1 recovered elsewhere; without,
     * r1 stays blocked on it until the heal (unpin, {@code pcs resource clear}, {@code pcs resource cleanup}).
     */
    STOP_FAILURE,
    /**
     * r1 is moved to a host where its start hangs (a write to a frozen file system) past the start timeout: it must
     * be recovered on another host; the heal thaws, clears the move and cleans up.
     */
    START_TIMEOUT
}
