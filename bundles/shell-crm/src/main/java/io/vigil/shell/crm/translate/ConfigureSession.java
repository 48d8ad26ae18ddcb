package io.vigil.shell.crm.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.vigil.cib.CibValidationException;
import io.vigil.cib.Problem;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.change.CibConflictException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.shell.crm.command.ConfigureCommand;

/**
 * Configure commands accumulated against one base snapshot, as in a crmsh {@code configure} session: each command
 * is translated against the configuration as the earlier ones left it and checked at once (a bad command is
 * refused and leaves the session as it was); {@link #changes()} is everything to commit as one atomic change.
 * Pure: the CIB itself is not touched.
 */
public final class ConfigureSession {

    private final CibSnapshot base;
    private final ConfigureTranslator translator;
    private final CibChanges changesApplier;
    private final boolean replace;
    private final List<CibChange> changes = new ArrayList<>();
    private CibSnapshot working;

    /**
     * @param replace true for {@code load update}: objects of the same id are replaced rather than refused
     */
    public ConfigureSession(CibSnapshot base, AgentDefaults agents, AgentCatalog catalog, boolean replace) {
        this.base = base;
        this.working = base;
        this.translator = new ConfigureTranslator(agents);
        this.changesApplier = new CibChanges(Validator.forChanges(catalog));
        this.replace = replace;
    }

    /** Adds one command; on any error the session is unchanged. */
    public List<CibChange> add(ConfigureCommand cmd) {
        List<CibChange> step = translator.translate(cmd, working.configuration(), replace);
        try {
            working = changesApplier.apply(working, null, step);
        } catch (CibValidationException e) {
            throw new CrmConfigException(describe(e.problems()));
        } catch (CibConflictException e) {
            throw new IllegalStateException("unexpected version conflict without a base version", e);
        }
        changes.addAll(step);
        return step;
    }

    public CibSnapshot base() {
        return base;
    }

    /** The configuration as it will be after commit. */
    public CibSnapshot working() {
        return working;
    }

    public List<CibChange> changes() {
        return List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The problems, one per line, naming object and field. */
    public static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.kind() + " " + p.objectId() + (p.field() == null ? "" : " (" + p.field()
                + ")") + ": " + p.message()).collect(Collectors.joining("\n"));
    }
}
