package io.vigil.shell.build;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Score;

/**
 * The location constraints of "move", "ban" and "clear" (crm_resource --move/--ban/--clear, pcs resource
 * move/ban/clear, crm resource move/ban/clear): {@code cli-prefer-RSC} (INFINITY on the destination) and
 * {@code cli-ban-RSC-on-NODE} (-INFINITY). With a lifetime they carry a rule that expires, as crm_resource writes.
 */
public final class CliConstraints {

    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CliConstraints() {
    }

    /** Moves {@code rsc} to {@code node}: replaces an earlier move of it. */
    public static List<CibChange> move(CibSnapshot cib, String rsc, String node, boolean promoted, String lifetime,
            Instant now) {
        return place(cib, "cli-prefer-" + rsc, rsc, node, Score.INFINITY, promoted, lifetime, now);
    }

    /** Bans {@code rsc} from {@code node}. */
    public static List<CibChange> ban(CibSnapshot cib, String rsc, String node, boolean promoted, String lifetime,
            Instant now) {
        return place(cib, "cli-ban-" + rsc + "-on-" + node, rsc, node, Score.MINUS_INFINITY, promoted, lifetime,
                now);
    }

    /** Removes the move and ban constraints of {@code rsc} (only those naming {@code node}, when given). */
    public static List<CibChange> clear(CibSnapshot cib, String rsc, String node) {
        List<CibChange> out = new ArrayList<>();
        for (Constraint c : cib.configuration().constraints()) {
            if (!(c instanceof LocationConstraint l) || !rsc.equals(l.rsc())) {
                continue;
            }
            boolean prefer = c.id().equals("cli-prefer-" + rsc) && (node == null || node.equals(nodeOf(l)));
            boolean ban = node == null ? c.id().startsWith("cli-ban-" + rsc + "-on-")
                    : c.id().equals("cli-ban-" + rsc + "-on-" + node);
            if (prefer || ban) {
                out.add(new CibChange.DeleteConstraint(c.id()));
            }
        }
        return out;
    }

    private static String nodeOf(LocationConstraint l) {
        if (l.node() != null) {
            return l.node();
        }
        for (Rule r : l.rules()) {
            for (RuleCondition c : r.conditions()) {
                if (c instanceof Expression e && "#uname".equals(e.attribute())) {
                    return e.value();
                }
            }
        }
        return null;
    }

    private static List<CibChange> place(CibSnapshot cib, String id, String rsc, String node, Score score,
            boolean promoted, String lifetime, Instant now) {
        String role = promoted ? "Promoted" : null;
        LocationConstraint c;
        if (lifetime == null) {
            c = new LocationConstraint(id, rsc, null, role, node, score, null, Map.of(), List.of(), List.of());
        } else {
            String end = END.format(now.plus(lifetime(lifetime)));
            String ruleId = id.replaceFirst("^cli-(prefer|ban)-", "cli-$1-rule-");
            Rule rule = new Rule(ruleId, null, "and", score, null, role, List.of(
                    new Expression(ruleId + "-expr", "#uname", "eq", node, "string", null),
                    new DateExpression(ruleId + "-lifetime", "lt", null, end, Map.of(), Map.of())));
            c = new LocationConstraint(id, rsc, null, null, null, null, null, Map.of(), List.of(rule), List.of());
        }
        boolean exists = cib.configuration().constraints().stream().anyMatch(x -> x.id().equals(id));
        return List.of(exists ? new CibChange.ReplaceConstraint(c) : new CibChange.CreateConstraint(c));
    }

    /**
     * An ISO 8601 duration (PT1H, P1D, P1DT2H) as crm_resource --lifetime takes it.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Duration lifetime(String text) {
        Optional<Duration> d = parseDuration(text);
        return d.orElseThrow(() -> new IllegalArgumentException("lifetime '" + text + "' is not an ISO 8601 "
                + "duration (e.g. PT1H for one hour, P1D for one day)"));
    }

    public static Optional<Duration> parseDuration(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        try {
            return Optional.of(Duration.parse(t));
        } catch (DateTimeParseException e) {
            try {
                int tIndex = t.indexOf('T');
                Period p = Period.parse(tIndex < 0 ? t : t.substring(0, tIndex));
                Duration rest = tIndex < 0 ? Duration.ZERO : Duration.parse("P" + t.substring(tIndex));
                return Optional.of(Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays())
                        .plus(rest));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
