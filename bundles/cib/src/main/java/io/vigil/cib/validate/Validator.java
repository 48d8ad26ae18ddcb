package io.vigil.cib.validate;

import java.util.ArrayList;
import java.util.List;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;

/**
 * Validates a snapshot and returns every problem found, each naming the object and the field. Errors block a
 * change; warnings do not.
 */
public final class Validator {

    private final List<Check> checks;

    private Validator(List<Check> checks) {
        this.checks = checks;
    }

    /** For a document being loaded or verified: unknown cluster options are warnings; agents are checked when known. */
    public static Validator forDocuments(AgentCatalog catalog) {
        return new Validator(build(catalog, false, true));
    }

    /** For a change about to be applied: unknown cluster options are errors; status observations are left out. */
    public static Validator forChanges(AgentCatalog catalog) {
        return new Validator(build(catalog, true, false));
    }

    private static List<Check> build(AgentCatalog catalog, boolean strict, boolean status) {
        List<Check> checks = new ArrayList<>(List.of(new IdCheck(), new ReferenceCheck(), new ClusterOptionCheck(strict),
                new ResourceCheck(), new GroupOptionCheck(), new FencingTopologyCheck()));
        if (catalog != null && catalog != AgentCatalog.NONE) {
            checks.add(new AgentCheck(catalog));
        }
        if (status) {
            checks.add(new StatusCheck());
            checks.add(new OrphanCheck());
            checks.add(new CloneOrphanCheck());
            checks.add(new FailureTimeoutCheck());
        }
        return List.copyOf(checks);
    }

    public List<Problem> validate(CibSnapshot cib) {
        List<Problem> problems = new ArrayList<>();
        for (Check c : checks) {
            c.run(cib, problems);
        }
        return List.copyOf(problems);
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
