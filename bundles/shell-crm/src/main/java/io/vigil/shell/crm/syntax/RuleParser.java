package io.vigil.shell.crm.syntax;

import java.util.ArrayList;
import java.util.List;

import io.vigil.cib.model.Score;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.ConfigureCommand.Condition;
import io.vigil.shell.crm.command.ConfigureCommand.RuleSpec;

/** {@code location} with its score and rule forms, and the scores shared with colocation and order. */
final class RuleParser {

    static final List<String> OPERATORS = List.of("lt", "gt", "lte", "gte", "eq", "ne");
    static final List<String> UNARY = List.of("defined", "not_defined");
    static final List<String> TYPES = List.of("string", "integer", "number", "version");
    static final List<String> BOOLEAN_OPS = List.of("and", "or");

    private RuleParser() {
    }

    static ConfigureCommand location(Cursor c) {
        Token idToken = c.expect("id of the location");
        String id = idToken.text();
        Token rsc = c.expect("resource of location " + id);
        String role = null;
        if (!c.atEnd() && (c.peekText().startsWith("role=") || c.peekText().startsWith("$role="))) {
            Token r = c.next();
            role = role(c, r, r.text().substring(r.text().indexOf('=') + 1), "location " + id);
        }
        Score score = null;
        String node = null;
        List<RuleSpec> rules = new ArrayList<>();
        if (!c.atEnd() && c.peekText().equals("rule")) {
            while (!c.atEnd() && c.peekText().equals("rule")) {
                rules.add(rule(c, id, rules.size()));
            }
        } else {
            Token scoreToken = c.peek();
            String text = scoreText(c);
            if (text == null) {
                throw c.fail(scoreToken, "location " + id + " needs 'SCORE: NODE' (e.g. 100: node1) or 'rule …'");
            }
            score = score(c, scoreToken, text, "location " + id);
            node = c.expect("node of location " + id + " after the score").text();
        }
        String discovery = null;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.text().startsWith("resource-discovery=")) {
                discovery = t.text().substring("resource-discovery=".length());
                if (!List.of("always", "never", "exclusive").contains(discovery)) {
                    throw c.fail(t, "resource-discovery of location " + id + " must be always, never or exclusive");
                }
            } else {
                throw c.fail(t, "unexpected '" + t.text() + "' in location " + id
                        + (node != null ? " after the node (one location names one node)" : ""));
            }
        }
        return new ConfigureCommand.Location(id, rsc.text(), role, score, node, rules, discovery);
    }

    private static RuleSpec rule(Cursor c, String locationId, int index) {
        Token ruleWord = c.next(); // "rule"
        String id = null;
        String role = null;
        while (!c.atEnd()) {
            String t = c.peekText();
            if (t.startsWith("$id=") || (t.startsWith("=") && t.length() > 1)) {
                id = t.substring(t.indexOf('=') + 1); // "=ID": Gogo expanded "$id" away
                c.next();
            } else if (t.startsWith("$role=") || t.startsWith("role=")) {
                Token r = c.next();
                role = role(c, r, t.substring(t.indexOf('=') + 1), "rule of location " + locationId);
            } else {
                break;
            }
        }
        Token scoreToken = c.peek();
        String text = scoreText(c);
        if (text == null) {
            throw c.fail(scoreToken == null ? null : scoreToken, "rule of location " + locationId
                    + " needs a score ending in ':' (e.g. -inf: or 100: or an attribute name such as pingd:)");
        }
        Score score = Score.tryParse(text).orElse(null);
        String scoreAttribute = score == null ? text : null;
        List<Condition> conditions = new ArrayList<>();
        String booleanOp = null;
        while (true) {
            if (c.atEnd() || c.peekText().equals("rule")) {
                throw c.fail(c.atEnd() ? null : c.peek(), "rule of location " + locationId
                        + " needs an expression after '" + text + ":'"
                        + (conditions.isEmpty() ? " (if it starts with #uname, quote it: '#uname' — the shell reads # as"
                                + " a comment)" : ""));
            }
            conditions.add(condition(c, locationId));
            if (c.atEnd() || c.peekText().equals("rule") || c.peekText().startsWith("resource-discovery=")) {
                break;
            }
            Token op = c.next();
            if (!BOOLEAN_OPS.contains(op.text())) {
                throw c.fail(op, "expected 'and' or 'or' between expressions in rule of location " + locationId
                        + ", got '" + op.text() + "'" + Suggest.nearest(op.text(), BOOLEAN_OPS)
                                .map(s -> " — did you mean '" + s + "'?").orElse(""));
            }
            if (booleanOp != null && !booleanOp.equals(op.text())) {
                throw c.fail(op, "rule of location " + locationId + " mixes 'and' and 'or'; a rule has one boolean"
                        + " operator: split it into several rules");
            }
            booleanOp = op.text();
        }
        String ruleId = id != null ? id : locationId + "-rule" + (index == 0 ? "" : "-" + index);
        return new RuleSpec(ruleId, role, score, scoreAttribute, booleanOp, conditions);
    }

    private static Condition condition(Cursor c, String locationId) {
        Token first = c.next();
        if (UNARY.contains(first.text())) {
            Token attr = c.expect("attribute name after '" + first.text() + "'");
            if (BOOLEAN_OPS.contains(attr.text()) || attr.text().equals("rule")) {
                throw c.fail(attr, "missing attribute name after '" + first.text() + "' in rule of location "
                        + locationId);
            }
            return new Condition(attr.text(), first.text(), null, null);
        }
        if (first.text().equals("date")) {
            throw c.fail(first, "date expressions in rules are not supported by crm yet (rule of location "
                    + locationId + ")");
        }
        Token opToken = c.expect("operator after '" + first.text() + "' (" + String.join("|", OPERATORS)
                + ", or defined/not_defined before the attribute)");
        String op = opToken.text();
        String type = null;
        int colon = op.indexOf(':');
        if (colon > 0) {
            type = op.substring(0, colon);
            op = op.substring(colon + 1);
            if (!TYPES.contains(type)) {
                throw c.fail(opToken, "unknown type '" + type + "' in '" + opToken.text() + "'" + Suggest.hint(type, TYPES));
            }
        }
        if (!OPERATORS.contains(op)) {
            List<String> all = new ArrayList<>(OPERATORS);
            throw c.fail(opToken, "unknown operator '" + op + "' in rule of location " + locationId
                    + Suggest.hint(op, all));
        }
        Token value = c.expect("value to compare " + first.text() + " with");
        return new Condition(first.text(), op, value.text(), type);
    }

    private static String role(Cursor c, Token t, String role, String owner) {
        if (!ConfigureParser.ROLES.contains(role)) {
            throw c.fail(t, "unknown role '" + role + "' in " + owner + Suggest.hint(role, ConfigureParser.ROLES));
        }
        return role;
    }

    /**
     * The text of a score written {@code SCORE:} or {@code SCORE :}, consuming it; null (consuming nothing) when
     * the next word is not a score.
     */
    static String scoreText(Cursor c) {
        Token t = c.peek();
        if (t == null) {
            return null;
        }
        String s = t.text();
        if (s.length() > 1 && s.endsWith(":") && s.indexOf(':') == s.length() - 1 && !s.contains("=")) {
            c.next();
            return s.substring(0, s.length() - 1);
        }
        if (!s.contains(":") && !s.contains("=") && c.lookahead(1) != null && c.lookahead(1).text().equals(":")) {
            c.next();
            c.next();
            return s;
        }
        return null;
    }

    /** A numeric or infinite score; anything else is an error pointing at {@code at}. */
    static Score score(Cursor c, Token at, String text, String owner) {
        return Score.tryParse(text).orElseThrow(() -> c.fail(at, "'" + text + "' is not a score in " + owner
                + " (use a number, inf, -inf or INFINITY)"));
    }
}
