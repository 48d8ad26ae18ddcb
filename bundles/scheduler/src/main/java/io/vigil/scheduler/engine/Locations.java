package io.vigil.scheduler.engine;

import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Stage 3: node scores from symmetric-cluster, location constraints, stickiness and fail counts. */
final class Locations {
    private final Engine ctx;

    Locations(Engine ctx) {
        this.ctx = ctx;
    }

    void apply() {
        for (Rsc r : ctx.byId.values()) {
            if (ctx.symmetric) {
                // resource_location(rsc, NULL, 0) at unpack time, before node weights are known
                for (SNode n : ctx.nodes) {
                    if (!r.allowed.has(n)) {
                        r.allowed.set(n, 0);
                    }
                }
            }
        }
        for (Constraint c : ctx.cib.configuration().constraints()) {
            if (c instanceof LocationConstraint lc) {
                location(lc);
            }
        }
        for (Rsc r : ctx.resources) {
            stickiness(r);
        }
        // Fail counts against migration-threshold: only the resources named in a node's fail-count attributes
        java.util.Map<String, List<PrimitiveRsc>> byName = null;
        for (SNode n : ctx.nodes) {
            java.util.Map<String, long[]> counts = n.failCounts(ctx.legacyFailCounts());
            if (counts.isEmpty()) {
                continue;
            }
            if (byName == null) {
                byName = new java.util.HashMap<>();
                for (Rsc r : ctx.resources) {
                    for (PrimitiveRsc p : r.primitives()) {
                        byName.computeIfAbsent(p.baseId(), k -> new ArrayList<>()).add(p);
                        if (!p.id.equals(p.baseId())) {
                            byName.computeIfAbsent(p.id, k -> new ArrayList<>()).add(p);
                        }
                    }
                }
            }
            java.util.Set<PrimitiveRsc> named = new java.util.LinkedHashSet<>();
            for (String rsc : new java.util.TreeSet<>(counts.keySet())) {
                List<PrimitiveRsc> l = byName.get(rsc);
                if (l != null) {
                    named.addAll(l);
                }
            }
            for (PrimitiveRsc p : named) {
                if (p.failureIgnored) {
                    continue; // failures ignored (on-fail=ignore): so is the migration threshold
                }
                int fc = OpHistory.failCount(ctx, p, n, false);
                if (p.migrationThreshold > 0 && fc > 0 && fc >= p.migrationThreshold) {
                    OpHistory.anonymousParent(p).addLocation(n, -Scores.INF);
                    if (OpHistory.anonymousParent(p) != p) {
                        for (Rsc i : OpHistory.anonymousParent(p).children()) {
                            i.applyLocation(n, -Scores.INF, Role.UNKNOWN);
                        }
                    }
                }
            }
        }
    }

    private void stickiness(Rsc r) {
        if (!r.children().isEmpty()) {
            for (Rsc c : r.children()) {
                stickiness(c);
            }
            return;
        }
        if (!r.managed || r.stickiness < 1 || r.runningOn.size() != 1) {
            return;
        }
        SNode n = r.runningOn.get(0);
        if (!ctx.symmetric && !r.allowed.has(n)) {
            return;
        }
        r.addLocation(n, r.stickiness);
    }

    private List<Rsc> targets(LocationConstraint lc) {
        List<Rsc> out = new ArrayList<>();
        if (lc.rsc() != null) {
            Rsc r = ctx.byId.get(lc.rsc());
            if (r != null) {
                out.add(r);
            }
        } else if (lc.rscPattern() != null) {
            Pattern p;
            try {
                p = Pattern.compile(lc.rscPattern());
            } catch (RuntimeException e) {
                ctx.warn(lc.id() + ": bad rsc-pattern");
                return out;
            }
            for (Rsc r : ctx.byId.values()) {
                if (r.parent == null && p.matcher(r.id).find()) {
                    out.add(r);
                }
            }
        }
        for (ResourceSet s : lc.resourceSets()) {
            for (String id : s.resourceRefs()) {
                Rsc r = ctx.byId.get(id);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private void location(LocationConstraint lc) {
        Role role = Role.parse(lc.role());
        if ("never".equals(lc.resourceDiscovery()) || "exclusive".equals(lc.resourceDiscovery())) {
            // discovery modes only affect probes
        }
        for (Rsc r : targets(lc)) {
            if (lc.node() != null) {
                SNode n = ctx.nodeByName.get(lc.node());
                if (n == null || lc.score() == null) {
                    continue;
                }
                apply(r, n, lc.score().value(), role);
                continue;
            }
            for (Rule rule : lc.rules()) {
                Role rr = rule.role() != null ? Role.parse(rule.role()) : role;
                for (SNode n : ctx.nodes) {
                    if (!Rules.eval(rule, n, ctx.now, r)) {
                        continue;
                    }
                    int score;
                    if (rule.scoreAttribute() != null) {
                        String v = n.attr(rule.scoreAttribute());
                        if (v == null) {
                            continue;
                        }
                        score = Scores.parse(v, 0);
                    } else {
                        score = rule.score() == null ? 0 : rule.score().value();
                    }
                    apply(r, n, score, rr);
                }
            }
        }
    }

    private void apply(Rsc r, SNode n, int score, Role role) {
        if (role == Role.PROMOTED || role == Role.UNPROMOTED) {
            if (r instanceof CloneRsc c && c.promotable) {
                if (role == Role.PROMOTED) {
                    c.applyLocation(n, score, Role.PROMOTED);
                }
                return;
            }
        }
        r.applyLocation(n, score, role);
    }
}
