package io.vigil.shell.syntax;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean …?" for a mistyped word: the candidate nearest by edit distance, compared both with the whole
 * candidate and with its hyphenated tail, so that 'stickyness' finds 'resource-stickiness'. Only plausible typos
 * are suggested (distance at most a third of the word, at least 2; 1 for words of up to 3 letters), or the one candidate
 * the word is the beginning of.
 */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<String> nearest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return Optional.empty();
        }
        String w = word.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distanceToWordOrTail(w, c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = w.length() <= 3 ? 1 : Math.max(2, w.length() / 3);
        if (best != null && bestDistance <= limit) {
            return Optional.of(best);
        }
        // a word that is the beginning of exactly one candidate (a shortened id) names it
        List<String> prefixed = candidates.stream().filter(c -> w.length() >= 3 && c.toLowerCase().startsWith(w))
                .toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** " — did you mean 'x'?" or, with no plausible candidate, " (one of: a, b, c)" for short lists. */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> n = nearest(word, candidates);
        if (n.isPresent()) {
            return " — did you mean '" + n.get() + "'?";
        }
        if (!candidates.isEmpty() && candidates.size() <= 12) {
            return " (one of: " + String.join(", ", candidates) + ")";
        }
        return "";
    }

    private static int distanceToWordOrTail(String w, String c) {
        int d = between(w, c);
        for (int i = c.indexOf('-'); i >= 0; i = c.indexOf('-', i + 1)) {
            d = Math.min(d, between(w, c.substring(i + 1)));
        }
        return d;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    public static int between(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
