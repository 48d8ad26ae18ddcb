package io.vigil.cib.tool;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.cib.Problem;
import io.vigil.cib.model.Unsupported;

/** What verify concluded about one file; {@link #summary()} is the one-line form. */
record FileVerdict(String file, List<Problem> problems, List<Unsupported> unsupported) {

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    boolean hasWarnings() {
        return problems.stream().anyMatch(Problem::isWarning);
    }

    String summary() {
        if (hasErrors()) {
            return file + ": errors";
        }
        if (!unsupported.isEmpty()) {
            return file + ": unsupported: " + unsupported.stream()
                    .map(u -> u.element() + (u.id() == null ? "" : " '" + u.id() + "'"))
                    .distinct().collect(Collectors.joining(", "));
        }
        return file + (hasWarnings() ? ": warnings" : ": ok");
    }
}
