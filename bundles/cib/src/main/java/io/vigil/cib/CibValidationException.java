package io.vigil.cib;

import java.util.List;
import java.util.stream.Collectors;

/** A change or document was rejected because validation found errors; {@link #problems()} lists them all. */
public class CibValidationException extends CibException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public CibValidationException(List<Problem> problems) {
        super(problems.stream().filter(Problem::isError).map(Problem::toString)
                .collect(Collectors.joining("; ")), null);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
