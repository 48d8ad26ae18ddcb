package io.vigil.quorum.api;

/** Flags as {@code corosync-quorumtool -s} prints them. */
public enum QuorumFlag {
    QUORATE("Quorate"),
    TWO_NODE("2Node"),
    WAIT_FOR_ALL("WaitForAll"),
    LAST_MAN_STANDING("LastManStanding"),
    AUTO_TIE_BREAKER("AutoTieBreaker");

    private final String label;

    QuorumFlag(String label) {
        this.label = label;
    }

    /** The label corosync prints. */
    public String label() {
        return label;
    }
}
