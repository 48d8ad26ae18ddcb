package io.vigil.shell.crm.syntax;

import io.vigil.shell.syntax.Suggestions;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for keywords, option names and object ids: shell's {@link Suggestions}, with crm's wording
 * when nothing is close (the whole list of what is expected, as crmsh prints it).
 */
public final class Suggest {

    private Suggest() {
    }

    /** The nearest candidate when it is close enough to be a plausible typo. */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        return Suggestions.nearest(word, candidates);
    }

    /** " — did you mean 'x'?" or, with no close candidate, " (expected one of: a, b, c)". */
    public static String hint(String word, Collection<String> candidates) {
        return nearest(word, candidates).map(s -> " — did you mean '" + s + "'?")
                .orElse(" (expected one of: " + String.join(", ", candidates) + ")");
    }
}
