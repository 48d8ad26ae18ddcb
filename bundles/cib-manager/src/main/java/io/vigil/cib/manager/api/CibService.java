package io.vigil.cib.manager.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Cluster Information Base as this node sees it: one immutable snapshot at a time, changed only by changes
 * that every member applies in the same (total) order. A configuration change is persisted on every member before
 * it counts as committed there.
 */
@ProviderType
public interface CibService {

    /** The current snapshot (never a half-applied one). */
    CibSnapshot current();

    /**
     * Applies changes cluster-wide, atomically. The stage completes with the snapshot that includes them once they
     * are committed on this node, or exceptionally with the validation error ({@code CibValidationException},
     * naming object and field) or version conflict ({@code CibConflictException}) that every member reached alike;
     * a rejected change changes nothing anywhere.
     *
     * @param base the version the changes were built against, or {@code null} for none; a change based on an older
     *        version than the one it meets is rejected
     */
    CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> changes);

    /** As {@link #apply(CibVersion, List)} without a base version. */
    default CompletionStage<CibSnapshot> apply(List<CibChange> changes) {
        return apply(null, changes);
    }

    /** Registers a listener for committed changes; the returned handle removes it. */
    AutoCloseable addListener(CibListener listener);
}
