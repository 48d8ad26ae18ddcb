package io.vigil.shell.crm.syntax;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" by edit distance, for keywords, option names and object ids. */
public final class Suggest {

    private Suggest() {
    }

    /** The nearest candidate when it is close enough to be a plausible typo. */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            // "stickyness" is meant as "resource-stickiness": also compare with the name's hyphenated tails
            for (int i = c.indexOf('-'); i >= 0; i = c.indexOf('-', i + 1)) {
                d = Math.min(d, distance(w, c.substring(i + 1).toLowerCase(Locale.ROOT)));
            }
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** " — did you mean 'x'?" or, with no close candidate, " (expected one of: a, b, c)". */
    public static String hint(String word, Collection<String> candidates) {
        return nearest(word, candidates).map(s -> " — did you mean '" + s + "'?")
                .orElse(" (expected one of: " + String.join(", ", candidates) + ")");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
