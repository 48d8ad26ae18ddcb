package io.vigil.quorum.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered as a service only while this node's partition is quorate (also registered as the OSGi condition
 * {@code osgi.condition.id=vigil.quorate}). Components that may act only with quorum reference it (mandatory,
 * static or dynamic): SCR deactivates them when quorum is lost.
 */
@ProviderType
public interface QuorumMarker {
    /** Service property / condition id under which the marker is registered. */
    String CONDITION_ID = "vigil.quorate";
}
