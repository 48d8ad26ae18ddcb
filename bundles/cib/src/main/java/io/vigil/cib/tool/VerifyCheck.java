package io.vigil.cib.tool;

import java.util.List;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;

/**
 * Checks {@code verify} runs besides the CIB's own validation, supplied by a caller that sees more than the CIB
 * (the launcher adds what a scheduler run finds, as crm_verify does). Each problem names the object and field.
 */
@FunctionalInterface
public interface VerifyCheck {

    /** No further checks: the CIB's own validation only. */
    VerifyCheck NONE = cib -> List.of();

    List<Problem> check(CibSnapshot cib);
}
