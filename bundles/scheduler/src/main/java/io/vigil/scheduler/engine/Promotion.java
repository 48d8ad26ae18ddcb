package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which promotable clone instances are promoted: promotion scores (node attributes {@code master-<rsc>}),
 * promoted-role location constraints and colocations, {@code promoted-max} and {@code promoted-node-max}
 * (Pacemaker's pcmk__add_promotion_scores and pcmk__set_instance_roles semantics).
 */
final class Promotion {
    private Promotion() {
    }

    // ---- promotion scores ---------------------------------------------------------------------

    /** The instance of an anonymous clone whose primitive {@code base} is active on {@code n}, if any. */
    private static Rsc activeAnonInstance(CloneRsc clone, String base, SNode n) {
        for (Rsc i : clone.instances) {
            for (PrimitiveRsc p : i.primitives()) {
                if (p.baseId().equals(base) && p.runningOn.contains(n)) {
                    return i;
                }
            }
        }
        return null;
    }

    private static boolean anonymousKnownOn(CloneRsc clone, String base, SNode n) {
        for (Rsc i : clone.instances) {
            for (PrimitiveRsc p : i.primitives()) {
                if (p.baseId().equals(base) && p.knownOn.contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** promotion_score_applies: whether an instance's promotion score counts on a node. */
    private static boolean applies(CloneRsc clone, PrimitiveRsc p, SNode n) {
        boolean check = false;
        if (!clone.unique) {
            Rsc active = activeAnonInstance(clone, p.baseId(), n);
            if (active != null && active.primitives().contains(p)) {
                check = true;
            } else if (active == null && anonymousKnownOn(clone, p.baseId(), n)) {
                check = true;
            }
        }
        if (!check) {
            if (p.runningOn.isEmpty() && p.knownOn.isEmpty()) {
                check = true;
            } else if (p.knownOn.contains(n) || p.runningOn.contains(n)) {
                check = true;
            } else {
                return false;
            }
        }
        return p.allowed.has(n) && p.allowed.get(n) >= 0;
    }

    /** promotion_score: the node attribute for the instance (summed over a cloned group's members). */
    static int score(CloneRsc clone, Rsc instance, SNode n, int dflt) {
        if (!(instance instanceof PrimitiveRsc p)) {
            int score = dflt;
            for (Rsc c : instance.children()) {
                int cs = score(clone, c, n, dflt);
                score = score == dflt ? cs : score + cs;
            }
            return score;
        }
        if (!applies(clone, p, n)) {
            return dflt;
        }
        String name = p.historyName != null ? p.historyName : p.id;
        String v = n.attr("master-" + name);
        if (v == null && !clone.unique && !p.baseId().equals(p.id)) {
            v = n.attr("master-" + p.baseId());
        }
        return v == null ? dflt : Scores.parse(v, dflt);
    }

    /** pcmk__add_promotion_scores: before assignment, instances prefer nodes where they may be promoted. */
    static void addPromotionScores(CloneRsc clone) {
        for (Rsc child : clone.instances) {
            for (SNode n : clone.ctx.nodes) {
                if (!child.allowed.has(n) || !n.available()) {
                    continue;
                }
                int s = score(clone, child, n, 0);
                if (s > 0) {
                    child.allowed.set(n, Scores.add(child.allowed.get(n), s));
                }
                child.priority = Math.max(child.priority, s);
            }
        }
    }

    // ---- roles ----------------------------------------------------------------------------------

    /** The node an instance is assigned to (a cloned group: its members' common node). */
    private static SNode location(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.allocatedTo;
        }
        SNode out = null;
        for (Rsc c : r.children()) {
            SNode n = location(c);
            if (n != null) {
                if (out != null && out != n) {
                    return null;
                }
                out = n;
            }
        }
        return out;
    }

    /** The role an instance is heading for (a group: the highest of its members). */
    private static Role nextRole(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.nextRole;
        }
        Role out = Role.UNKNOWN;
        for (Rsc c : r.children()) {
            Role x = nextRole(c);
            if (x.above(out)) {
                out = x;
            }
        }
        return out;
    }

    private static Role currentRole(Rsc r) {
        if (r instanceof PrimitiveRsc) {
            return r.role;
        }
        Role out = Role.UNKNOWN;
        for (Rsc c : r.children()) {
            if (c.role.above(out)) {
                out = c.role;
            }
        }
        return out;
    }

    static void setRoles(CloneRsc clone) {
        Engine ctx = clone.ctx;
        int[] promotedOn = new int[ctx.nodes.size()];
        int n = clone.instances.size();
        int[] sortIndex = new int[n];
        for (int k = 0; k < n; k++) {
            Rsc child = clone.instances.get(k);
            SNode chosen = location(child);
            if (chosen == null) {
                continue;
            }
            Role next = nextRole(child);
            switch (next) {
                case STARTED, UNKNOWN -> child.priority = score(clone, child, chosen, -1);
                case UNPROMOTED, STOPPED -> child.priority = -Scores.INF;
                default -> {
                }
            }
            child.priority = Scores.add(child.priority, clone.promotedLocation[chosen.index]);
            for (Colocation c : List.copyOf(child.thisWith)) {
                if (c.primary().provisional) {
                    continue;
                }
                child.applyColocAsDependent(c);
            }
            sortIndex[k] = child.priority;
            if (next == Role.PROMOTED) {
                sortIndex[k] = Scores.INF;
            }
        }
        // sort_promotable_instances: merge the instances' priorities into the clone's node weights,
        // add promoted-role colocations, then read each instance's sort index back from its node
        Weights w = clone.allowed.copy();
        for (int k = 0; k < n; k++) {
            SNode chosen = location(clone.instances.get(k));
            if (sortIndex[k] >= 0 && chosen != null) {
                w.set(chosen, Scores.add(sortIndex[k], w.get(chosen)));
            }
        }
        for (Colocation c : List.copyOf(clone.thisWith)) {
            if (c.dependentRole() != Role.PROMOTED) {
                continue;
            }
            Weights[] holder = {w};
            Coloc.addColocatedNodeScores(c.primary(), holder, c.nodeAttribute(),
                    (float) (c.score() / (double) Scores.INF), c.score() < Scores.INF ? Coloc.ROLLBACK : 0);
            w = holder[0];
        }
        for (Colocation c : List.copyOf(clone.withThis)) {
            if (c.primaryRole() != Role.PROMOTED || !c.hasInfluence()) {
                continue;
            }
            Weights[] holder = {w};
            Coloc.addColocatedNodeScores(c.dependent(), holder, c.nodeAttribute(),
                    (float) (c.score() / (double) Scores.INF), Coloc.ROLLBACK | Coloc.SELECT_NONNEGATIVE);
            w = holder[0];
        }
        for (int k = 0; k < n; k++) {
            Rsc child = clone.instances.get(k);
            SNode chosen = location(child);
            if (!child.managed && nextRole(child) == Role.PROMOTED) {
                sortIndex[k] = Scores.INF;
            } else if (chosen != null && sortIndex[k] >= 0) {
                sortIndex[k] = w.has(chosen) ? w.get(chosen) : sortIndex[k];
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        order.sort((a, b) -> {
            if (sortIndex[a] != sortIndex[b]) {
                return sortIndex[a] > sortIndex[b] ? -1 : 1;
            }
            Role ra = currentRole(clone.instances.get(a));
            Role rb = currentRole(clone.instances.get(b));
            if (ra != rb) {
                return ra.above(rb) ? -1 : 1;
            }
            return CloneRsc.compareInstances(clone.instances.get(a), clone.instances.get(b));
        });
        int promoted = 0;
        for (int k : order) {
            Rsc child = clone.instances.get(k);
            SNode loc = location(child);
            ctx.scoreLog.promotion(child.id, loc != null ? loc.name : "none", sortIndex[k]);
            SNode chosen = null;
            if (sortIndex[k] >= 0 && (promoted < clone.promotedMax || !clone.managed)) {
                chosen = promotableOn(clone, child, promotedOn);
            }
            if (chosen == null) {
                setUnpromoted(child);
                continue;
            }
            if (child.role.below(Role.PROMOTED) && !ctx.haveQuorum && "freeze".equals(ctx.noQuorumPolicy)) {
                setUnpromoted(child);
                continue;
            }
            if (!ctx.haveQuorum && "demote".equals(ctx.noQuorumPolicy)) {
                setUnpromoted(child);
                continue;
            }
            promotedOn[chosen.index]++;
            setPromoted(child);
            promoted++;
        }
        for (Rsc child : clone.instances) {
            child.priority = clone.priority;
        }
    }

    /** node_to_be_promoted_on. */
    private static SNode promotableOn(CloneRsc clone, Rsc r, int[] promotedOn) {
        for (Rsc c : r.children()) {
            if (promotableOn(clone, c, promotedOn) == null) {
                return null;
            }
        }
        SNode node = location(r);
        if (node == null) {
            return null;
        }
        if (!r.managed) {
            if (currentRole(r) != Role.PROMOTED) {
                return null;
            }
        } else if (r.priority < 0) {
            return null;
        } else if (!node.available()) {
            return null;
        }
        if (!clone.allowed.has(node)) {
            return null;
        }
        if (promotedOn[node.index] >= clone.promotedNodeMax && r.managed) {
            return null;
        }
        return node;
    }

    private static void setUnpromoted(Rsc r) {
        r.nextRole = location(r) != null ? Role.UNPROMOTED : Role.STOPPED;
        for (Rsc c : r.children()) {
            setUnpromoted(c);
        }
    }

    private static void setPromoted(Rsc r) {
        if (r.nextRole == Role.UNKNOWN) {
            r.nextRole = Role.PROMOTED;
        }
        for (Rsc c : r.children()) {
            setPromoted(c);
        }
    }
}
