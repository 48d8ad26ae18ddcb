package io.vigil.scheduler.engine;

import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Rule evaluation on node attributes and dates. */
final class Rules {
    private Rules() {
    }

    static boolean eval(Rule rule, SNode node, Instant now) {
        return eval(rule, node, now, null);
    }

    /** With {@code rsc}: expressions with value-source param/meta compare with that resource's attributes. */
    static boolean eval(Rule rule, SNode node, Instant now, Rsc rsc) {
        if (rule.conditions().isEmpty()) {
            return true;
        }
        boolean or = rule.isOr();
        for (RuleCondition c : rule.conditions()) {
            boolean v = evalCondition(c, node, now, rsc);
            if (or && v) {
                return true;
            }
            if (!or && !v) {
                return false;
            }
        }
        return !or;
    }

    private static boolean evalCondition(RuleCondition c, SNode node, Instant now, Rsc rsc) {
        if (c instanceof Rule r) {
            return eval(r, node, now, rsc);
        }
        if (c instanceof Expression e) {
            return expression(e, node, rsc);
        }
        if (c instanceof DateExpression d) {
            return date(d, now);
        }
        return false;
    }

    static boolean expression(Expression e, SNode node) {
        return expression(e, node, null);
    }

    static boolean expression(Expression e, SNode node, Rsc rsc) {
        String op = e.operation() == null ? "" : e.operation().toLowerCase(Locale.ROOT);
        String actual = node == null ? null : node.attr(e.attribute());
        switch (op) {
            case "defined":
                return actual != null;
            case "not_defined":
                return actual == null;
            default:
                break;
        }
        String expected = e.value();
        String source = e.valueSource() == null ? "literal" : e.valueSource().toLowerCase(Locale.ROOT);
        if (rsc != null && expected != null && (source.equals("param") || source.equals("meta"))) {
            if (source.equals("meta")) {
                expected = rsc.meta.get(expected);
            } else {
                expected = rsc instanceof PrimitiveRsc p ? p.config.instanceAttributes().unconditional().get(expected)
                        : null;
            }
        }
        if (actual == null || expected == null) {
            return "ne".equals(op) && (actual != null || expected != null);
        }
        String type = e.type() == null ? null : e.type().toLowerCase(Locale.ROOT);
        if (type == null) {
            type = isNumber(actual) && isNumber(expected) && !op.equals("eq") && !op.equals("ne") ? "number" : "string";
        }
        int cmp;
        switch (type) {
            case "integer", "number" -> {
                Double a = parseNum(actual);
                Double b = parseNum(expected);
                if (a == null || b == null) {
                    cmp = actual.compareToIgnoreCase(expected);
                } else if (type.equals("integer")) {
                    cmp = Long.compare(a.longValue(), b.longValue());
                } else {
                    cmp = Double.compare(a, b);
                }
            }
            case "version" -> cmp = compareVersion(actual, expected);
            default -> cmp = actual.compareToIgnoreCase(expected);
        }
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            default -> false;
        };
    }

    private static boolean isNumber(String s) {
        return parseNum(s) != null;
    }

    private static Double parseNum(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compareVersion(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long u = i < x.length ? parseLong(x[i]) : 0;
            long v = i < y.length ? parseLong(y[i]) : 0;
            if (u != v) {
                return Long.compare(u, v);
            }
        }
        return 0;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Instant parseDate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                try {
                    return java.time.LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (RuntimeException e3) {
                    return null;
                }
            }
        }
    }

    private static boolean date(DateExpression d, Instant now) {
        String op = d.operation() == null ? "in_range" : d.operation();
        Instant start = parseDate(d.start());
        Instant end = parseDate(d.end());
        switch (op) {
            case "gt":
                return start != null && now.isAfter(start);
            case "lt":
                return end != null && now.isBefore(end);
            case "in_range": {
                if (end == null && start != null && !d.duration().isEmpty()) {
                    end = start.plusSeconds(durationSeconds(d.duration()));
                }
                boolean ok = start == null || !now.isBefore(start);
                return ok && (end == null || !now.isAfter(end));
            }
            case "date_spec":
                return DateSpec.matches(d.dateSpec(), now);
            default:
                return false;
        }
    }

    private static long durationSeconds(java.util.Map<String, String> d) {
        long s = 0;
        s += num(d.get("years")) * 365 * 86400L;
        s += num(d.get("months")) * 30 * 86400L;
        s += num(d.get("weeks")) * 7 * 86400L;
        s += num(d.get("days")) * 86400L;
        s += num(d.get("hours")) * 3600L;
        s += num(d.get("minutes")) * 60L;
        s += num(d.get("seconds"));
        return s;
    }

    private static long num(String s) {
        return s == null ? 0 : parseLong(s);
    }
}
