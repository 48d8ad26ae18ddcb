package io.vigil.shell.build;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;

/**
 * Applies a command's change list to the replicated CIB as one transaction: the CIB validates the result and
 * either commits every change or none, so a rejected command changes nothing.
 */
public final class CibApply {

    private CibApply() {
    }

    /**
     * @return the committed snapshot
     * @throws IllegalArgumentException with the CIB's reason when the changes were rejected
     * @throws IllegalStateException when nothing was committed within 30 s
     */
    public static CibSnapshot apply(CibService cib, List<CibChange> changes) throws InterruptedException {
        try {
            // No base version: status updates (monitor results, node states) bump the version all the time, and
            // each of these changes names exactly what it replaces.
            return cib.apply(null, changes).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the change was not committed within 30 s; check the cluster "
                    + "('status')");
        }
    }
}
