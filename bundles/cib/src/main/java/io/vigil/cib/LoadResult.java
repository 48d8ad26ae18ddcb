package io.vigil.cib;

import java.util.List;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Unsupported;

/**
 * A loaded CIB with what the loader found on the way: problems (e.g. a score that is not a number) and the
 * unsupported elements (also kept in the snapshot).
 */
public record LoadResult(CibSnapshot snapshot, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public List<Unsupported> unsupported() {
        return snapshot.unsupported();
    }

    /** True when nothing was unsupported and nothing was wrong. */
    public boolean isFullyImported() {
        return problems.isEmpty() && unsupported().isEmpty();
    }
}
