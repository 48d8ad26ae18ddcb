package io.vigil.cib.change;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vigil.cib.CibValidationException;
import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.Validator;

/**
 * Applies a list of changes atomically: all or nothing. The input snapshot is never modified (it is immutable);
 * a rejected change simply returns no new snapshot. Version: any configuration change → epoch + 1 and
 * num_updates 0; status-only → num_updates + 1.
 */
public final class CibChanges {

    private final Validator validator;

    public CibChanges(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param base the version the caller read before building the changes; null to skip the check
     * @throws CibConflictException when {@code base} is older than the current version
     * @throws CibValidationException when a target is missing or the result has errors the current CIB has not
     */
    public CibSnapshot apply(CibSnapshot current, CibVersion base, List<CibChange> changes)
            throws CibConflictException, CibValidationException {
        if (base != null && base.isOlderThan(current.version())) {
            throw new CibConflictException(base, current.version());
        }
        CibSnapshot next = current;
        boolean configuration = false;
        try {
            for (CibChange c : changes) {
                if (c.isConfiguration()) {
                    configuration = true;
                    next = next.withConfiguration(ConfigurationEditor.apply(next.configuration(), c));
                } else {
                    next = next.withStatus(StatusEditor.apply(next.status(), c));
                }
            }
        } catch (ChangeFailure f) {
            throw new CibValidationException(List.of(f.problem));
        }
        if (configuration) {
            List<Problem> introduced = newErrors(validator.validate(current), validator.validate(next));
            if (!introduced.isEmpty()) {
                throw new CibValidationException(introduced);
            }
        }
        CibVersion v = configuration ? current.version().nextConfiguration() : current.version().nextStatus();
        return next.withVersion(v);
    }

    /** Errors of the new snapshot that the current one does not already have (old problems never block). */
    private static List<Problem> newErrors(List<Problem> before, List<Problem> after) {
        Set<Problem> old = new HashSet<>(before);
        return after.stream().filter(Problem::isError).filter(p -> !old.contains(p)).toList();
    }
}
