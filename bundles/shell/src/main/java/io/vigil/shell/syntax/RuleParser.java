package io.vigil.shell.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Score;

/**
 * The rule-expression language pcs and crmsh share: {@code defined|not_defined ATTR}, {@code ATTR
 * lt|gt|lte|gte|eq|ne [string|integer|number|version] VALUE}, {@code date gt|lt DATE}, {@code date in_range DATE
 * to DATE}, {@code date-spec NAME=VALUE...}, joined with {@code and} / {@code or} (and binds tighter) and
 * parenthesised. Produces Pacemaker's rule: mixed and/or become nested rules.
 */
public final class RuleParser {

    public static final List<String> OPERATIONS = List.of("lt", "gt", "lte", "gte", "eq", "ne");
    public static final List<String> TYPES = List.of("string", "integer", "number", "version");

    private sealed interface Node permits Leaf, Bool {
    }

    private record Leaf(String kind, String attribute, String operation, String value, String type, String start,
            String end, Map<String, String> spec) implements Node {
    }

    private record Bool(String op, List<Node> children) implements Node {
    }

    private final Tokens t;
    private final Set<String> stopWords;

    private RuleParser(Tokens t, Set<String> stopWords) {
        this.t = t;
        this.stopWords = stopWords;
    }

    /**
     * Reads an expression from the cursor up to the end of the line or a stop word (not consumed).
     *
     * @param ruleId the id of the rule; expressions get {@code ruleId-expr}, {@code ruleId-expr-1}, ...
     */
    public static Rule parse(Tokens t, Set<String> stopWords, String ruleId, Score score, String scoreAttribute,
            String role) {
        RuleParser p = new RuleParser(t, stopWords);
        if (!p.more()) {
            throw t.error("missing rule expression (e.g. 'not_defined pingd or pingd lte 0')");
        }
        Node n = p.or();
        if (p.more()) {
            throw t.error("unexpected '" + t.peek() + "' in rule expression (expected 'and', 'or' or the end)");
        }
        Ids ids = new Ids(ruleId);
        if (n instanceof Bool b) {
            return new Rule(ruleId, null, b.op(), score, scoreAttribute, role, ids.conditions(b.children()));
        }
        return new Rule(ruleId, null, "and", score, scoreAttribute, role, ids.conditions(List.of(n)));
    }

    private boolean more() {
        return t.has() && !stopWords.contains(t.peek()) && !t.peek().equals(")");
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (t.accept("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Bool("or", parts);
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(primary());
        while (t.accept("and")) {
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new Bool("and", parts);
    }

    private Node primary() {
        if (!t.has() || stopWords.contains(t.peek())) {
            throw t.error("missing rule expression after '" + t.all().get(t.position() - 1) + "'");
        }
        if (t.accept("(")) {
            Node inner = or();
            if (!t.accept(")")) {
                throw t.error("missing ')' in rule expression");
            }
            return inner;
        }
        String w = t.next("rule expression");
        switch (w) {
            case "defined", "not_defined" -> {
                return new Leaf("attr", t.next("attribute name after '" + w + "'"), w, null, null, null, null,
                        Map.of());
            }
            case "date" -> {
                String op = t.choice("date operation", List.of("gt", "lt", "in_range"));
                if (op.equals("in_range")) {
                    String start = t.next("start date");
                    if (!t.accept("to")) {
                        throw t.error("expected 'to' after the start date of 'date in_range'");
                    }
                    if (t.accept("duration")) {
                        return new Leaf("date", null, op, null, null, start, null, specs());
                    }
                    return new Leaf("date", null, op, null, null, start, t.next("end date"), Map.of());
                }
                String date = t.next("date");
                return new Leaf("date", null, op, null, null, op.equals("gt") ? date : null,
                        op.equals("lt") ? date : null, Map.of());
            }
            case "date-spec" -> {
                return new Leaf("date", null, "date_spec", null, null, null, null, specs());
            }
            case "and", "or" -> throw t.errorAtPrevious("'" + w + "' needs an expression before it");
            default -> {
                if (!t.has() || !OPERATIONS.contains(t.peek())) {
                    String got = t.peek();
                    throw got == null ? t.error("missing operation after '" + w + "' (one of: lt, gt, lte, gte, eq, "
                            + "ne; or 'defined ATTR' / 'not_defined ATTR')")
                            : t.error("unknown operation '" + got + "'" + Suggestions.hint(got, OPERATIONS));
                }
                String op = t.next("operation");
                String type = null;
                if (t.has() && TYPES.contains(t.peek()) && t.peek(1) != null && !stopWords.contains(t.peek(1))
                        && !List.of("and", "or", ")").contains(t.peek(1))) {
                    type = t.next("type");
                }
                return new Leaf("attr", w, op, t.next("value to compare '" + w + "' with"), type, null, null,
                        Map.of());
            }
        }
    }

    private Map<String, String> specs() {
        Map<String, String> m = new LinkedHashMap<>();
        while (t.peekNameValue()) {
            NameValue nv = t.nameValue("date-spec option");
            m.put(nv.name(), nv.value());
        }
        if (m.isEmpty()) {
            throw t.error("missing NAME=VALUE (e.g. hours=9-16 weekdays=1-5)");
        }
        return m;
    }

    /** Gives every element an id below the rule's, the way pcs and crmsh name them. */
    private static final class Ids {
        private final String ruleId;
        private int expr;
        private int rule;

        Ids(String ruleId) {
            this.ruleId = ruleId;
        }

        List<RuleCondition> conditions(List<Node> nodes) {
            List<RuleCondition> out = new ArrayList<>();
            for (Node n : nodes) {
                out.add(condition(n));
            }
            return out;
        }

        private RuleCondition condition(Node n) {
            if (n instanceof Bool b) {
                String id = ruleId + "-rule" + (rule++ == 0 ? "" : "-" + (rule - 1));
                return new Rule(id, null, b.op(), null, null, null, conditions(b.children()));
            }
            Leaf l = (Leaf) n;
            String id = ruleId + "-expr" + (expr++ == 0 ? "" : "-" + (expr - 1));
            if (l.kind().equals("date")) {
                Map<String, String> duration = l.operation().equals("in_range") && !l.spec().isEmpty()
                        ? withId(l.spec(), id + "-duration") : Map.of();
                Map<String, String> spec = l.operation().equals("date_spec") ? withId(l.spec(), id + "-datespec")
                        : Map.of();
                return new DateExpression(id, l.operation(), l.start(), l.end(), duration, spec);
            }
            return new Expression(id, l.attribute(), l.operation(), l.value(), l.type(), null);
        }

        private static Map<String, String> withId(Map<String, String> m, String id) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("id", id);
            out.putAll(m);
            return out;
        }
    }
}
