package io.vigil.cib.manager.api;

/**
 * A change this node applied but could not make durable in the cluster: its partition lacks the quorum of votes a
 * change must be persisted by. The change is visible in this partition only and is discarded when the partition
 * merges with one that kept quorum. Callers that write status (operation results, attributes) may treat it as
 * expected while cut off; a configuration change reported so was <em>not</em> made.
 */
public class NotDurableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotDurableException(String message) {
        super(message);
    }
}
