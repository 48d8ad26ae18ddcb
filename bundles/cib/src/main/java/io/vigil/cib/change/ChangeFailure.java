package io.vigil.cib.change;

import io.vigil.cib.Problem;

/** Internal: a change could not be applied at all (its target does not exist). */
final class ChangeFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    ChangeFailure(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }
}
