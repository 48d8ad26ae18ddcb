package io.vigil.cib.manager.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

import org.junit.jupiter.api.Test;

class CibCommandTest {

    /** A one-node CibService that applies changes at once with the real validation. */
    private static final class LocalCib implements CibService {
        CibSnapshot current = new CibSnapshot(null, Map.of("validate-with", "pacemaker-3.9"), null, null);
        final CibChanges changes = new CibChanges(Validator.forChanges(AgentCatalog.NONE));

        @Override
        public CibSnapshot current() {
            return current;
        }

        @Override
        public synchronized CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> list) {
            try {
                current = changes.apply(current, base, list);
                return CompletableFuture.completedFuture(current);
            } catch (CibException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public AutoCloseable addListener(CibListener listener) {
            return () -> { };
        }
    }

    private final LocalCib cib = new LocalCib();
    private final CibCommand command = new CibCommand(cib);

    private String run(String... args) throws Exception {
        return (String) command.execute(null, List.of((Object[]) args));
    }

    @Test
    void versionShowAndPropertyChanges() throws Exception {
        assertEquals("0.0.0", run("version"));
        assertEquals("0.1.0", run("set-property", "no-quorum-policy", "freeze"));
        assertEquals("0.2.0", run("set-property", "batch-limit", "5"));
        assertEquals("0.2.0", run("version"));
        String show = run("show");
        assertEquals(CibJson.write(cib.current()), show, "show is CibJson of the current snapshot");
        assertTrue(show.contains("\"batch-limit\""), show);
        assertEquals("0.3.0", run("unset-property", "batch-limit"));
        assertTrue(!run("show").contains("\"batch-limit\""));
    }

    @Test
    void rejectedChangesFailWithTheValidationMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run("set-property", "stonith-enabled", "perhaps"));
        assertTrue(e.getMessage().contains("'perhaps' is not a boolean"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> run("set-property", "no-such-option", "1"));
        assertTrue(e.getMessage().contains("is not a cluster option"), e.getMessage());
        assertEquals(new CibVersion(0, 0, 0), cib.current().version(), "nothing changed");
    }

    @Test
    void usageAndBadArguments() throws Exception {
        assertTrue(run().startsWith("usage: cib show"));
        assertTrue(run("--help").startsWith("usage: cib show"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("frobnicate"));
        assertTrue(e.getMessage().startsWith("unknown cib subcommand 'frobnicate'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("set-property", "batch-limit"));
        assertTrue(e.getMessage().startsWith("cib set-property: expected 2 arguments, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("show", "extra"));
        assertTrue(e.getMessage().startsWith("cib show: expected 0 arguments, got 1"), e.getMessage());
    }
}
