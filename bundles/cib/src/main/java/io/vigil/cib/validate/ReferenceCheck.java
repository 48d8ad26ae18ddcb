package io.vigil.cib.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.Unsupported;

/** Constraints must name existing resources or tags, and use known kinds and roles. */
final class ReferenceCheck implements Check {

    private static final Set<String> KINDS = Set.of("mandatory", "optional", "serialize");
    private static final Set<String> ACTIONS = Set.of("start", "stop", "promote", "demote", "promoted", "demoted",
            "started", "stopped", "running");

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Configuration c = cib.configuration();
        Set<String> known = new HashSet<>(c.allResources().keySet());
        c.tags().forEach(t -> known.add(t.id()));
        // Bundles and templates are out of the model but still real targets for constraints.
        for (Unsupported u : c.unsupported()) {
            if (u.id() != null && ("bundle".equals(u.element()) || "template".equals(u.element()))) {
                known.add(u.id());
            }
        }
        for (Constraint k : c.constraints()) {
            String kind = kindOf(k);
            if (k instanceof LocationConstraint l) {
                ref(problems, known, kind, k.id(), "rsc", l.rsc());
                if (l.rsc() == null && l.rscPattern() == null && l.resourceSets().isEmpty()) {
                    problems.add(Problem.error(kind, k.id(), "rsc", "names no resource; set rsc, rsc-pattern or a resource_set"));
                }
                if (l.node() != null && l.score() == null && l.rules().isEmpty()) {
                    problems.add(Problem.error(kind, k.id(), "score", "has a node but no score; add score=\"INFINITY\" or a number"));
                }
            } else if (k instanceof ColocationConstraint col) {
                ref(problems, known, kind, k.id(), "rsc", col.rsc());
                ref(problems, known, kind, k.id(), "with-rsc", col.withRsc());
                String influence = col.otherAttributes().get("influence");
                if (influence != null && io.vigil.cib.model.Truth.parse(influence).isEmpty()) {
                    problems.add(Problem.error(kind, k.id(), "influence", "'" + influence + "' is not a boolean (true or false)"));
                }
            } else if (k instanceof OrderConstraint o) {
                ref(problems, known, kind, k.id(), "first", o.first());
                ref(problems, known, kind, k.id(), "then", o.then());
                if (o.kind() != null && !KINDS.contains(o.kind().toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.error(kind, k.id(), "kind", "'" + o.kind()
                            + "' is not an ordering kind (allowed: Mandatory, Optional, Serialize)"));
                }
                if (o.kind() != null && o.kind().equalsIgnoreCase("serialize") && o.symmetrical() != null) {
                    problems.add(Problem.warning(kind, k.id(), "symmetrical", "symmetrical is ignored with kind Serialize; remove it"));
                }
                action(problems, kind, k.id(), "first-action", o.firstAction());
                action(problems, kind, k.id(), "then-action", o.thenAction());
                if (o.otherAttributes().containsKey("require-all")) {
                    problems.add(Problem.warning(kind, k.id(), "require-all",
                            "require-all on an ordering constraint is deprecated; use the clone-min meta attribute of the clone"));
                }
            }
            for (ResourceSet s : k.resourceSets()) {
                for (String r : s.resourceRefs()) {
                    ref(problems, known, "resource_set", s.id(), "resource_ref", r);
                }
            }
        }
    }

    private static void action(List<Problem> problems, String kind, String id, String field, String value) {
        if (value != null && !ACTIONS.contains(value.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.error(kind, id, field, "'" + value + "' is not an action (allowed: start, stop, promote, demote)"));
        }
    }

    private static void ref(List<Problem> problems, Set<String> known, String kind, String id, String field, String rsc) {
        if (rsc != null && !known.contains(rsc)) {
            String hint = EditDistance.nearest(rsc, known).map(s -> "; did you mean '" + s + "'?").orElse("");
            problems.add(Problem.error(kind, id, field, "resource '" + rsc + "' does not exist" + hint));
        }
    }

    static String kindOf(Constraint k) {
        return k instanceof LocationConstraint ? "rsc_location"
                : k instanceof ColocationConstraint ? "rsc_colocation" : "rsc_order";
    }
}
