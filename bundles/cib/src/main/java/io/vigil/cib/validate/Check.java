package io.vigil.cib.validate;

import java.util.List;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;

/** One family of validation rules. */
interface Check {
    void run(CibSnapshot cib, List<Problem> problems);
}
