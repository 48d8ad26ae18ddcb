package io.vigil.shell.syntax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A cursor over a command line's words. Every error it makes points at a token of the whole line (command name
 * included), so parsers report "what is wrong, where" without bookkeeping of their own. Words read up front (an
 * {@code --output-as FORMAT} that may stand anywhere) can be skipped: the cursor steps over them.
 */
public final class Tokens {

    private final List<String> all;
    private final Set<Integer> skipped;
    private int at;

    /** @param all the whole line, command name included; @param start the first word still to read */
    public Tokens(List<String> all, int start) {
        this(all, start, Set.of());
    }

    /** @param skipped positions the cursor steps over; errors still show them in the line */
    public Tokens(List<String> all, int start, Set<Integer> skipped) {
        this.all = List.copyOf(all);
        this.skipped = Set.copyOf(skipped);
        this.at = start;
        skip();
    }

    public static Tokens of(String... words) {
        return new Tokens(List.of(words), 1);
    }

    private void skip() {
        while (at < all.size() && skipped.contains(at)) {
            at++;
        }
    }

    private String advance() {
        String w = all.get(at);
        at++;
        skip();
        return w;
    }

    public List<String> all() {
        return all;
    }

    public boolean has() {
        return at < all.size();
    }

    /** The next word, not consumed; null at the end. */
    public String peek() {
        return has() ? all.get(at) : null;
    }

    /** The word {@code ahead} words after the next one; null past the end. */
    public String peek(int ahead) {
        int i = at;
        for (int n = 0; n < ahead && i < all.size(); n++) {
            i++;
            while (i < all.size() && skipped.contains(i)) {
                i++;
            }
        }
        return i < all.size() ? all.get(i) : null;
    }

    /** Position of the next word (equal to the line's size at the end). */
    public int position() {
        return at;
    }

    /** Consumes the next word when it equals {@code word}. */
    public boolean accept(String word) {
        if (has() && all.get(at).equals(word)) {
            advance();
            return true;
        }
        return false;
    }

    /** The next word; at the end, an error "missing WHAT". */
    public String next(String what) {
        if (!has()) {
            throw error("missing " + what);
        }
        return advance();
    }

    /** The next word, which must be one of {@code choices}; otherwise an error with a suggestion. */
    public String choice(String what, Collection<String> choices) {
        if (!has()) {
            throw error("missing " + what + " (one of: " + String.join(", ", choices) + ")");
        }
        String w = all.get(at);
        if (!choices.contains(w)) {
            throw error("unknown " + what + " '" + w + "'" + Suggestions.hint(w, choices));
        }
        return advance();
    }

    /** The next word, which must be NAME=VALUE. */
    public NameValue nameValue(String what) {
        if (!has()) {
            throw error("missing " + what + " (NAME=VALUE)");
        }
        NameValue nv = NameValue.parse(all.get(at), at);
        if (nv == null) {
            throw error("expected " + what + " as NAME=VALUE, got '" + all.get(at) + "'");
        }
        advance();
        return nv;
    }

    /** Whether the next word is NAME=VALUE. */
    public boolean peekNameValue() {
        return has() && NameValue.parse(all.get(at), at) != null;
    }

    /** Consumes and returns the rest of the line. */
    public List<String> rest() {
        List<String> r = new ArrayList<>();
        while (has()) {
            r.add(advance());
        }
        return r;
    }

    /** Fails with "unexpected 'x'" when words are left. */
    public void end() {
        if (has()) {
            throw error("unexpected '" + all.get(at) + "'");
        }
    }

    /** An error pointing at the next word (or at the end of the line). */
    public CommandSyntaxException error(String reason) {
        return new CommandSyntaxException(reason, all, at);
    }

    /** An error pointing at the word just consumed. */
    public CommandSyntaxException errorAtPrevious(String reason) {
        int i = at - 1;
        while (i > 0 && skipped.contains(i)) {
            i--;
        }
        return new CommandSyntaxException(reason, all, Math.max(0, i));
    }

    public CommandSyntaxException errorAt(int index, String reason) {
        return new CommandSyntaxException(reason, all, index);
    }
}
