package io.vigil.quorum.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Notified when the quorum state changes (membership, votes, expected votes, quorate). Must not block. */
@ConsumerType
@FunctionalInterface
public interface QuorumListener {
    void quorumChanged(QuorumState previous, QuorumState current);
}
