package io.vigil.quorum.api;

import org.osgi.annotation.versioning.ProviderType;

/** This node's view of quorum. */
@ProviderType
public interface QuorumService {

    /** The current state; never null. */
    QuorumState state();

    /**
     * Adds a listener; it is called at once with the current state (previous = null), then on every change.
     *
     * @return call {@code close()} to remove it
     */
    AutoCloseable addListener(QuorumListener listener);
}
