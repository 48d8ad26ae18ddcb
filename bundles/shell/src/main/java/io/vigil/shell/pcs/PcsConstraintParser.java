package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.Score;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsRequest.What;
import io.vigil.shell.syntax.NameValue;
import io.vigil.shell.syntax.RuleParser;
import io.vigil.shell.syntax.Scores;
import io.vigil.shell.syntax.Suggestions;

/** {@code pcs constraint ...}: location prefers/avoids/rule, colocation, order, list, remove. */
final class PcsConstraintParser extends PcsArea {

    static final List<String> ROLES = List.of("Promoted", "Unpromoted", "Started", "Stopped", "Master", "Slave");

    static final List<String> ACTIONS = List.of("start", "stop", "promote", "demote");

    PcsConstraintParser(PcsArea from) {
        super(from);
    }

    // ---------------------------------------------------------------- constraint

    PcsRequest constraint() {
        if (!t.has() || t.peek().startsWith("--")) {
            return constraintList();
        }
        String verb = t.choice("constraint command", List.of("location", "colocation", "order", "list", "show",
                "config", "remove", "delete", "ref"));
        return switch (verb) {
            case "location" -> location();
            case "colocation" -> colocation();
            case "order" -> order();
            case "remove", "delete" -> removeConstraints();
            case "ref" -> {
                Resource r = existingResource();
                t.end();
                yield new PcsRequest.Show(What.CONSTRAINTS, r.id(), OutputFormat.TEXT);
            }
            default -> constraintList();
        };
    }

    private PcsRequest constraintList() {
        OutputFormat f = output();
        boolean full = t.accept("--full");
        t.accept("--all");
        t.end();
        return new PcsRequest.Show(full ? What.CONSTRAINTS_FULL : What.CONSTRAINTS, null, f);
    }

    private PcsRequest removeConstraints() {
        List<CibChange> changes = new ArrayList<>();
        List<String> ids = conf.constraints().stream().map(Constraint::id).toList();
        if (!t.has()) {
            throw t.error("missing constraint id" + (ids.isEmpty() ? "" : " (see 'pcs constraint --full')"));
        }
        while (t.has()) {
            int at = t.position();
            String id = t.next("constraint id");
            if (!ids.contains(id)) {
                throw t.errorAt(at, "constraint '" + id + "' does not exist" + Suggestions.hint(id, ids));
            }
            changes.add(new CibChange.DeleteConstraint(id));
        }
        return change(changes, "");
    }

    private PcsRequest location() {
        if (t.has() && (t.peek().equals("show") || t.peek().equals("config"))) {
            t.next("show");
            return constraintList();
        }
        if (t.accept("remove") || t.accept("delete")) {
            return removeConstraints();
        }
        if (t.accept("add")) {
            // pcs 0.10: constraint location add ID RESOURCE NODE SCORE [resource-discovery=...]
            int idAt = t.position();
            String id = t.next("constraint id");
            newConstraintId(id, idAt);
            String rsc = constrainable();
            String node = existingNode();
            Score score = Scores.next(t, "score");
            String discovery = discovery();
            t.end();
            return change(List.of(new CibChange.CreateConstraint(new LocationConstraint(id, rsc, null, null, node,
                    score, discovery, Map.of(), List.of(), List.of()))), "");
        }
        String rsc = constrainable();
        String how = t.choice("location keyword", List.of("prefers", "avoids", "rule"));
        if (how.equals("rule")) {
            return locationRule(rsc);
        }
        boolean prefers = how.equals("prefers");
        List<CibChange> changes = new ArrayList<>();
        if (!t.has()) {
            throw t.error("missing node (NODE or NODE=SCORE)");
        }
        Set<String> ids = new LinkedHashSet<>(conf.constraints().stream().map(Constraint::id).toList());
        while (t.has()) {
            int at = t.position();
            String w = t.next("node");
            String node = w;
            Score score = prefers ? Score.INFINITY : Score.MINUS_INFINITY;
            int eq = w.indexOf('=');
            if (eq >= 0) {
                node = w.substring(0, eq);
                String s = w.substring(eq + 1);
                Optional<Score> parsed = Scores.parse(s);
                if (parsed.isEmpty()) {
                    throw t.errorAt(at, "'" + s + "' is not a score (an integer, INFINITY or -INFINITY)");
                }
                score = prefers ? parsed.get() : Score.of(-(long) parsed.get().value());
            }
            requireNode(node, at);
            String id = "location-" + rsc + "-" + node + "-" + Scores.text(score);
            LocationConstraint c = new LocationConstraint(id, rsc, null, null, node, score, null, Map.of(),
                    List.of(), List.of());
            // as pcs: a second prefers/avoids for the same resource and node replaces the first
            String previous = null;
            for (Constraint k : conf.constraints()) {
                if (k instanceof LocationConstraint l && rsc.equals(l.rsc()) && node.equals(l.node())
                        && l.rules().isEmpty() && k.id().startsWith("location-")) {
                    previous = k.id();
                }
            }
            if (previous != null) {
                changes.add(new CibChange.DeleteConstraint(previous));
                ids.remove(previous);
            }
            if (ids.contains(id)) {
                throw t.errorAt(at, "constraint '" + id + "' already exists");
            }
            ids.add(id);
            changes.add(new CibChange.CreateConstraint(c));
        }
        return change(changes, "");
    }

    private String discovery() {
        if (t.has() && t.peek().startsWith("resource-discovery=")) {
            int at = t.position();
            String v = t.nameValue("resource-discovery").value();
            if (!List.of("always", "never", "exclusive").contains(v)) {
                throw t.errorAt(at, "resource-discovery must be always, never or exclusive, not '" + v + "'");
            }
            return v;
        }
        return null;
    }

    private PcsRequest locationRule(String rsc) {
        String ruleId = null;
        String constraintId = null;
        String role = null;
        Score score = null;
        String scoreAttribute = null;
        String discovery = null;
        List<String> options = List.of("id", "constraint-id", "role", "score", "score-attribute",
                "resource-discovery");
        while (t.peekNameValue() && options.contains(t.peek().substring(0, t.peek().indexOf('=')))) {
            NameValue nv = t.nameValue("rule option");
            switch (nv.name()) {
                case "id" -> ruleId = nv.value();
                case "constraint-id" -> constraintId = nv.value();
                case "role" -> role = role(nv.value(), nv.index());
                case "score" -> score = Scores.parse(nv.value()).orElseThrow(() -> t.errorAt(nv.index(), "'"
                        + nv.value() + "' is not a score (an integer, INFINITY or -INFINITY)"));
                case "score-attribute" -> scoreAttribute = nv.value();
                default -> {
                    if (!List.of("always", "never", "exclusive").contains(nv.value())) {
                        throw t.errorAt(nv.index(), "resource-discovery must be always, never or exclusive, not '"
                                + nv.value() + "'");
                    }
                    discovery = nv.value();
                }
            }
        }
        if (score == null && scoreAttribute == null) {
            score = Score.INFINITY;
        }
        String cid = constraintId != null ? constraintId : freeId("location-" + rsc);
        if (constraintId != null) {
            newConstraintId(cid, t.position() - 1);
        }
        String rid = ruleId != null ? ruleId : cid + "-rule";
        Rule rule = RuleParser.parse(t, Set.of(), rid, score, scoreAttribute, role);
        return change(List.of(new CibChange.CreateConstraint(new LocationConstraint(cid, rsc, null, null, null, null,
                discovery, Map.of(), List.of(rule), List.of()))), "");
    }

    private PcsRequest colocation() {
        if (t.has() && (t.peek().equals("show") || t.peek().equals("config"))) {
            t.next("show");
            return constraintList();
        }
        if (t.accept("remove") || t.accept("delete")) {
            String a = constrainable();
            String b = constrainable();
            t.end();
            List<CibChange> changes = new ArrayList<>();
            for (Constraint c : conf.constraints()) {
                if (c instanceof ColocationConstraint k && a.equals(k.rsc()) && b.equals(k.withRsc())) {
                    changes.add(new CibChange.DeleteConstraint(c.id()));
                }
            }
            if (changes.isEmpty()) {
                throw t.errorAt(t.position() - 2, "no colocation of '" + a + "' with '" + b + "'");
            }
            return change(changes, "");
        }
        t.choice("colocation command", List.of("add", "remove", "delete", "show", "config"));
        String rscRole = optionalRole();
        String a = constrainable();
        if (!t.accept("with")) {
            String w = t.peek();
            throw w == null ? t.error("missing 'with' (pcs constraint colocation add A with B [SCORE])")
                    : t.error("expected 'with', got '" + w + "'");
        }
        String withRole = optionalRole();
        String b = constrainable();
        Score score = Score.INFINITY;
        boolean scoreGiven = false;
        String id = null;
        String nodeAttribute = null;
        if (t.has() && !t.peekNameValue() && !t.peek().startsWith("--")) {
            score = Scores.next(t, "score");
            scoreGiven = true;
        }
        while (t.has()) {
            if (t.peek().equals("--force")) {
                t.next("option");
                continue;
            }
            NameValue nv = t.nameValue("colocation option");
            switch (nv.name()) {
                case "score" -> {
                    if (scoreGiven) {
                        throw t.errorAt(nv.index(), "score given twice");
                    }
                    score = Scores.parse(nv.value()).orElseThrow(() -> t.errorAt(nv.index(), "'" + nv.value()
                            + "' is not a score (an integer, INFINITY or -INFINITY)"));
                }
                case "id" -> {
                    newConstraintId(nv.value(), nv.index());
                    id = nv.value();
                }
                case "node-attribute" -> nodeAttribute = nv.value();
                default -> throw t.errorAt(nv.index(), "unknown colocation option '" + nv.name() + "'"
                        + Suggestions.hint(nv.name(), List.of("score", "id", "node-attribute")));
            }
        }
        if (a.equals(b)) {
            throw t.errorAt(t.position() - 1, "a resource cannot be colocated with itself");
        }
        String cid = id != null ? id : freeId("colocation-" + a + "-" + b + "-" + Scores.text(score));
        return change(List.of(new CibChange.CreateConstraint(new ColocationConstraint(cid, a, b, score, rscRole,
                withRole, nodeAttribute, Map.of(), List.of()))), "");
    }

    private String optionalRole() {
        if (t.has() && ROLES.contains(t.peek()) && conf.resource(t.peek()).isEmpty()) {
            int at = t.position();
            return role(t.next("role"), at);
        }
        return null;
    }

    private String role(String word, int at) {
        String lower = word.toLowerCase();
        return switch (lower) {
            case "promoted", "master" -> "Promoted";
            case "unpromoted", "slave" -> "Unpromoted";
            case "started" -> "Started";
            case "stopped" -> "Stopped";
            default -> throw t.errorAt(at, "unknown role '" + word + "'" + Suggestions.hint(word, List.of(
                    "Promoted", "Unpromoted", "Started", "Stopped")));
        };
    }

    private PcsRequest order() {
        if (t.has() && (t.peek().equals("show") || t.peek().equals("config"))) {
            t.next("show");
            return constraintList();
        }
        if (t.accept("remove") || t.accept("delete")) {
            String rsc = constrainable();
            t.end();
            List<CibChange> changes = new ArrayList<>();
            for (Constraint c : conf.constraints()) {
                if (c instanceof OrderConstraint o && (rsc.equals(o.first()) || rsc.equals(o.then()))) {
                    changes.add(new CibChange.DeleteConstraint(c.id()));
                }
            }
            return changes.isEmpty() ? new PcsRequest.Nothing("no order constraints of '" + rsc + "'")
                    : change(changes, "");
        }
        String firstAction = optionalAction();
        String first = constrainable();
        if (!t.accept("then")) {
            String w = t.peek();
            throw w == null ? t.error("missing 'then' (pcs constraint order [ACTION] A then [ACTION] B)")
                    : t.error("expected 'then', got '" + w + "'" + Suggestions.hint(w, List.of("then")));
        }
        String thenAction = optionalAction();
        String then = constrainable();
        String kind = null;
        String symmetrical = null;
        String id = null;
        Map<String, String> other = new LinkedHashMap<>();
        while (t.has()) {
            if (t.peek().equals("--force")) {
                t.next("option");
                continue;
            }
            NameValue nv = t.nameValue("order option");
            switch (nv.name()) {
                case "kind" -> {
                    kind = switch (nv.value().toLowerCase()) {
                        case "mandatory" -> "Mandatory";
                        case "optional" -> "Optional";
                        case "serialize" -> "Serialize";
                        default -> throw t.errorAt(nv.index(), "unknown kind '" + nv.value() + "'"
                                + Suggestions.hint(nv.value(), List.of("Mandatory", "Optional", "Serialize")));
                    };
                }
                case "symmetrical" -> {
                    if (!List.of("true", "false").contains(nv.value().toLowerCase())) {
                        throw t.errorAt(nv.index(), "symmetrical must be true or false, not '" + nv.value() + "'");
                    }
                    symmetrical = nv.value().toLowerCase();
                }
                case "require-all" -> other.put("require-all", nv.value());
                case "id" -> {
                    newConstraintId(nv.value(), nv.index());
                    id = nv.value();
                }
                default -> throw t.errorAt(nv.index(), "unknown order option '" + nv.name() + "'"
                        + Suggestions.hint(nv.name(), List.of("kind", "symmetrical", "require-all", "id")));
            }
        }
        if (first.equals(then)) {
            throw t.errorAt(t.position() - 1, "a resource cannot be ordered after itself");
        }
        String cid = id != null ? id : freeId("order-" + first + "-" + then + "-" + (kind == null ? "mandatory"
                : kind.toLowerCase()));
        return change(List.of(new CibChange.CreateConstraint(new OrderConstraint(cid, first,
                firstAction == null ? "start" : firstAction, then, thenAction == null ? "start" : thenAction, kind,
                null, symmetrical, other, List.of()))), "Adding " + first + " " + then + " (kind: "
                        + (kind == null ? "Mandatory" : kind) + ") (Options: first-action="
                        + (firstAction == null ? "start" : firstAction) + " then-action="
                        + (thenAction == null ? "start" : thenAction) + ")");
    }

    private String optionalAction() {
        if (t.has() && ACTIONS.contains(t.peek()) && conf.resource(t.peek()).isEmpty()) {
            return t.next("action");
        }
        return null;
    }
}
