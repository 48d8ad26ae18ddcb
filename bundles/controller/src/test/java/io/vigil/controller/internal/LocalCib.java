package io.vigil.controller.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.xml.CibXmlReader;

/**
 * The CIB of a one-process test cluster: the real change model and validation, committed at once and in call
 * order (what the replicated CIB guarantees through total order), with listeners called after each commit. It
 * stands in for the replicated CIB manager, whose replication needs JGroups; every test node shares this copy.
 */
final class LocalCib implements CibService {

    private final CibChanges changes = new CibChanges(Validator.forChanges(AgentCatalog.NONE));
    private final List<CibListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CibSnapshot current;

    LocalCib(String xml) {
        try {
            current = CibXmlReader.read(xml).snapshot();
        } catch (CibException e) {
            throw new IllegalArgumentException("test CIB does not parse: " + e.getMessage(), e);
        }
    }

    @Override
    public CibSnapshot current() {
        return current;
    }

    @Override
    public CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> list) {
        CibSnapshot before;
        CibSnapshot after;
        synchronized (this) {
            before = current;
            try {
                after = changes.apply(before, base, list);
            } catch (CibException e) {
                return CompletableFuture.failedFuture(e);
            }
            current = after;
        }
        for (CibListener l : listeners) {
            l.committed(before, after);
        }
        return CompletableFuture.completedFuture(after);
    }

    /** Applies changes and fails the test if they are rejected. */
    void change(CibChange... list) {
        apply(List.of(list)).toCompletableFuture().join();
    }

    @Override
    public AutoCloseable addListener(CibListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
