package io.vigil.shell.crm.gogo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

/**
 * Stand-in for the replicated CIB: one member, applying changes with the real {@link CibChanges} and validator,
 * synchronously. (The replicated CIB needs a running cluster; the seed scenario tests drive that one.)
 */
final class InMemoryCib implements CibService {

    private final CibChanges changes = new CibChanges(Validator.forChanges(AgentCatalog.NONE));
    private volatile CibSnapshot current;
    int commits;

    InMemoryCib(CibSnapshot initial) {
        this.current = initial;
    }

    @Override
    public CibSnapshot current() {
        return current;
    }

    @Override
    public synchronized CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> list) {
        try {
            current = changes.apply(current, base, list);
            commits++;
            return CompletableFuture.completedFuture(current);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AutoCloseable addListener(CibListener listener) {
        return () -> { };
    }
}
