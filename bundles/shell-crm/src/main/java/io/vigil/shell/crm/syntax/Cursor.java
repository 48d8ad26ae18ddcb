package io.vigil.shell.crm.syntax;

import java.util.Collection;
import java.util.List;

/** Walks the tokens of one command line; every error it raises points at the token concerned. */
final class Cursor {

    private final List<Token> line;
    private int pos;

    Cursor(List<Token> line, int start) {
        this.line = line;
        this.pos = start;
    }

    boolean atEnd() {
        return pos >= line.size();
    }

    Token peek() {
        return atEnd() ? null : line.get(pos);
    }

    /** The token {@code n} positions ahead of the next one, or null. */
    Token lookahead(int n) {
        return pos + n < line.size() ? line.get(pos + n) : null;
    }

    String peekText() {
        return atEnd() ? null : line.get(pos).text();
    }

    Token next() {
        return line.get(pos++);
    }

    /** The texts of tokens {@code from} (a position) to the end of the line. */
    List<String> textsFrom(int from) {
        return line.subList(Math.min(from, line.size()), line.size()).stream().map(Token::text).toList();
    }

    int position() {
        return pos;
    }

    /** The next token, or an error naming what was expected there. */
    Token expect(String what) {
        if (atEnd()) {
            throw fail(-1, "missing " + what);
        }
        return next();
    }

    /** The next token, which must be one of {@code words}. */
    Token expectOneOf(String what, Collection<String> words) {
        Token t = expect(what + " (" + String.join("|", words) + ")");
        if (!words.contains(t.text())) {
            Token after = peek();
            if (after != null && words.contains(t.text() + after.text())) {
                // "clean up" for "cleanup": the word was split in two
                throw fail(t, "unknown " + what + " '" + t.text() + " " + after.text() + "' — did you mean '"
                        + t.text() + after.text() + "'?");
            }
            throw fail(t, "unknown " + what + " '" + t.text() + "'" + Suggest.hint(t.text(), words));
        }
        return t;
    }

    void expectEnd(String context) {
        if (!atEnd()) {
            throw fail(peek(), "unexpected '" + peekText() + "' after " + context);
        }
    }

    CrmSyntaxException fail(Token t, String problem) {
        return CrmSyntaxException.at(line, t == null ? -1 : t.index(), problem);
    }

    CrmSyntaxException fail(int index, String problem) {
        return CrmSyntaxException.at(line, index, problem);
    }
}
