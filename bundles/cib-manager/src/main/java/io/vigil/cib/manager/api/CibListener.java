package io.vigil.cib.manager.api;

import io.vigil.cib.model.CibSnapshot;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about every committed change of the CIB, in commit order (the same order on every node), once it is
 * persisted. Called on the CIB manager's commit thread: return quickly, never block on another CIB change, never
 * throw.
 */
@ConsumerType
@FunctionalInterface
public interface CibListener {

    /**
     * @param before the snapshot before the change
     * @param after the snapshot after it
     */
    void committed(CibSnapshot before, CibSnapshot after);
}
