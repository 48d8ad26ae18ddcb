package io.vigil.cib.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;

/** Structural rules for resources and their operations. */
final class ResourceCheck implements Check {

    private static final Set<String> STANDARDS = Set.of("ocf", "lsb", "systemd", "service", "stonith", "upstart", "nagios");
    private static final Set<String> ON_FAIL = Set.of("ignore", "block", "stop", "restart", "standby", "fence", "demote",
            "restart-container", "reset");

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        boolean fencing = cib.configuration().properties().stonithEnabled();
        for (Resource top : cib.configuration().resources()) {
            for (Resource r : top.flatten()) {
                check(r, r == top ? null : parentOf(top, r), fencing, problems);
            }
        }
    }

    private static Resource parentOf(Resource top, Resource r) {
        for (Resource x : top.flatten()) {
            if (x instanceof Group g && g.members().contains(r) || x instanceof Clone c && c.child() == r) {
                return x;
            }
        }
        return null;
    }

    private void check(Resource r, Resource parent, boolean fencing, List<Problem> problems) {
        String kind = IdCheck.kindOf(r);
        if (r.id() == null || r.id().isBlank()) {
            problems.add(Problem.error(kind, null, "id", "a " + kind + " needs an id"));
        }
        if (r instanceof Clone c) {
            if (c.child() == null) {
                problems.add(Problem.error("clone", c.id(), "child", "a clone needs a primitive or group to clone"));
            } else if (c.child() instanceof Clone inner) {
                problems.add(Problem.error("clone", c.id(), "child", "clone '" + inner.id()
                        + "' cannot be cloned again; clone its primitive or group instead"));
            }
        }
        if (r instanceof Clone c && Truth.isTrue(c.meta().get("globally-unique"))) {
            for (Resource x : c.flatten()) {
                if (x instanceof Primitive p && !"ocf".equals(p.standard()) && !"stonith".equals(p.standard())) {
                    problems.add(Problem.warning("clone", c.id(), "globally-unique", p.standard() + " resources such as '"
                            + p.id() + "' can only be anonymous clones; globally-unique is ignored"));
                    break;
                }
            }
        }
        if (r instanceof Group g && g.members().isEmpty()) {
            problems.add(Problem.error("group", g.id(), "members", "a group needs at least one primitive"));
        }
        r.metaAttributes().get("target-role").ifPresent(role -> {
            String lower = role.toLowerCase(Locale.ROOT);
            boolean promotedRole = lower.equals("promoted") || lower.equals("master") || lower.equals("unpromoted") || lower.equals("slave");
            if (promotedRole && !inPromotable(r, parent)) {
                problems.add(Problem.error(kind, r.id(), "target-role", "'" + role
                        + "' only makes sense for promotable clones; use Started or Stopped"));
            }
        });
        if (r instanceof Group g) {
            for (String deprecated : List.of("ordered", "collocated")) {
                // Pacemaker only complains when the deprecated attribute turns the behaviour off.
                if (g.metaAttributes().get(deprecated).map(v -> !Truth.isTrue(v)).orElse(false)) {
                    problems.add(Problem.warning("group", g.id(), deprecated,
                            "the group meta attribute '" + deprecated + "' is deprecated; use a resource set instead"));
                }
            }
        }
        if (r.metaAttributes().mentions("restart-type")) {
            problems.add(Problem.warning(kind, r.id(), "restart-type", "restart-type is deprecated; remove it"));
        }
        if (r instanceof Primitive p) {
            primitive(p, fencing, problems);
        }
    }

    private static boolean inPromotable(Resource r, Resource parent) {
        return r instanceof Clone c && c.isPromotable() || parent instanceof Clone pc && pc.isPromotable()
                || parent != null && parent.meta().containsKey("promotable");
    }

    private void primitive(Primitive p, boolean fencing, List<Problem> problems) {
        if (p.standard() == null) {
            problems.add(Problem.error("primitive", p.id(), "class", "no agent class; use ocf, lsb, systemd or stonith"));
        } else if (!STANDARDS.contains(p.standard())) {
            problems.add(Problem.error("primitive", p.id(), "class", "'" + p.standard()
                    + "' is not an agent class (allowed: ocf, lsb, systemd, service, stonith)"));
        } else if ("ocf".equals(p.standard()) && p.provider() == null && p.otherAttributes().get("template") == null) {
            problems.add(Problem.error("primitive", p.id(), "provider", "ocf agents need a provider, e.g. heartbeat or pacemaker"));
        }
        if (p.type() == null && p.otherAttributes().get("template") == null) {
            problems.add(Problem.error("primitive", p.id(), "type", "no agent type (e.g. Dummy, IPaddr2)"));
        }
        Map<String, Operation> byKey = new HashMap<>();
        for (Operation o : p.operations()) {
            if (o.name() == null) {
                problems.add(Problem.error("op", o.id(), "name", "an operation needs a name (start, stop, monitor ...)"));
                continue;
            }
            if (o.intervalMs() < 0) {
                problems.add(Problem.error("op", o.id(), "interval", "'" + o.interval() + "' is not a time interval (e.g. 10s)"));
            }
            if (!Truth.parse(o.otherAttributes().getOrDefault("enabled", "true")).orElse(true)) {
                continue;
            }
            if (o.intervalMs() <= 0) {
                onFail(p, o, fencing, problems);
                continue;
            }
            Operation twin = byKey.putIfAbsent(o.name() + "_" + o.intervalMs(), o);
            if (twin != null) {
                problems.add(Problem.error("op", o.id(), "interval", "duplicates operation '" + twin.id()
                        + "' of primitive '" + p.id() + "' (same name and interval; recurring operations must differ); give it a different interval"));
            }
            onFail(p, o, fencing, problems);
        }
    }

    private static void onFail(Primitive p, Operation o, boolean fencing, List<Problem> problems) {
        String onFail = o.onFail();
        if (onFail == null) {
            return;
        }
        String v = onFail.toLowerCase(Locale.ROOT);
        if (!ON_FAIL.contains(v)) {
            problems.add(Problem.error("op", o.id(), "on-fail", "'" + onFail
                    + "' is not allowed (allowed: ignore, block, stop, restart, standby, fence, demote)"));
        } else if ("stop".equals(o.name()) && (v.equals("stop") || v.equals("demote"))) {
            problems.add(Problem.error("op", o.id(), "on-fail", "'" + onFail + "' is not allowed for stop of '" + p.id()
                    + "'; use block or fence"));
        } else if (v.equals("fence") && !fencing) {
            problems.add(Problem.error("op", o.id(), "on-fail", "'fence' needs fencing, which is disabled; use stop or block"));
        }
    }
}
