package io.vigil.scheduler.engine;

import java.util.List;
import java.util.Objects;

/** Colocation arithmetic shared by the variants (Pacemaker's pcmk_sched_colocation.c semantics). */
final class Coloc {
    static final int SELECT_ACTIVE = 1;
    static final int SELECT_NONNEGATIVE = 2;
    static final int SELECT_THIS_WITH = 4;
    /** pe_weights_rollback: keep the original scores when merging leaves no node available. */
    static final int ROLLBACK = SELECT_ACTIVE;
    /** Marker score for "negative disallowed" during merging. */
    static final int INFINITY_HACK = Scores.INF * -100;

    enum Affects { NOTHING, LOCATION, ROLE }

    private Coloc() {
    }

    static Affects affects(Rsc dependent, Rsc primary, Colocation c, boolean preview) {
        if (!preview && primary.provisional) {
            return Affects.NOTHING;
        }
        if (c.dependentRole().ordinal() >= Role.UNPROMOTED.ordinal() && dependent.parent != null
                && dependent.parent.isPromotable() && !dependent.provisional) {
            return Affects.ROLE;
        }
        if (!preview && !dependent.provisional) {
            return Affects.NOTHING;
        }
        if (c.score() > 0 && c.dependentRole() != Role.UNKNOWN && c.dependentRole() != dependent.nextRole) {
            return Affects.NOTHING;
        }
        if (c.score() > 0 && c.primaryRole() != Role.UNKNOWN && c.primaryRole() != primary.nextRole) {
            return Affects.NOTHING;
        }
        if (c.score() < 0 && c.dependentRole() != Role.UNKNOWN && c.dependentRole() == dependent.nextRole) {
            return Affects.NOTHING;
        }
        if (c.score() < 0 && c.primaryRole() != Role.UNKNOWN && c.primaryRole() == primary.nextRole) {
            return Affects.NOTHING;
        }
        return Affects.LOCATION;
    }

    static String attrOf(SNode n, String attr) {
        if (n == null) {
            return null;
        }
        return n.attr(attr == null ? "#uname" : attr);
    }

    /** pcmk__apply_coloc_to_weights. */
    static void applyToWeights(Rsc dependent, Rsc primary, Colocation c) {
        String attr = c.nodeAttribute() == null ? "#id" : c.nodeAttribute();
        String value = null;
        if (primary.allocatedTo != null) {
            value = primary.allocatedTo.attr(attr);
        } else if (c.score() < 0) {
            return;
        }
        Weights work = dependent.allowed.copy();
        for (SNode n : dependent.ctx.nodes) {
            if (!work.has(n)) {
                continue;
            }
            if (primary.allocatedTo == null) {
                work.set(n, Scores.add(-c.score(), work.get(n)));
            } else if (value != null && value.equalsIgnoreCase(Objects.toString(n.attr(attr), ""))) {
                if (c.score() < Scores.INF) {
                    work.set(n, Scores.add(c.score(), work.get(n)));
                }
            } else if (c.score() >= Scores.INF) {
                work.set(n, Scores.add(-c.score(), work.get(n)));
            }
        }
        if (c.score() <= -Scores.INF || c.score() >= Scores.INF || work.anyAvailable(dependent.ctx.nodes)) {
            dependent.allowed = work;
        }
    }

    /** pcmk__apply_coloc_to_priority (promotion priority of an assigned promotable instance). */
    static void applyToPriority(Rsc dependent, Rsc primary, Colocation c) {
        if (primary.allocatedTo == null || dependent.allocatedTo == null) {
            return;
        }
        String attr = c.nodeAttribute() == null ? "#id" : c.nodeAttribute();
        String dv = dependent.allocatedTo.attr(attr);
        String pv = primary.allocatedTo.attr(attr);
        if (dv == null || !dv.equalsIgnoreCase(pv == null ? "" : pv)) {
            if (c.score() >= Scores.INF && c.dependentRole() == Role.PROMOTED) {
                dependent.priority = -Scores.INF;
            }
            return;
        }
        if (c.primaryRole() != Role.UNKNOWN && c.primaryRole() != primary.nextRole) {
            return;
        }
        int mult = c.dependentRole() == Role.UNPROMOTED ? -1 : 1;
        dependent.priority = Scores.add(mult * c.score(), dependent.priority);
    }

    private static int bestScoreMatching(Rsc rsc, String attr, String value) {
        int best = -Scores.INF;
        for (SNode n : rsc.ctx.nodes) {
            if (!rsc.allowed.has(n)) {
                continue;
            }
            int w = rsc.allowed.get(n);
            if (w > best && n.available() && value != null && value.equalsIgnoreCase(Objects.toString(n.attr(attr), null))) {
                best = w;
            }
        }
        return best;
    }

    private static void addScoresMatchingAttr(Weights nodes, Rsc rsc, String attr, double factor, boolean onlyPositive) {
        if (attr == null) {
            attr = "#uname";
        }
        // node names and ids are unique: the only node matching n is n itself
        boolean unique = "#uname".equals(attr) || "#id".equals(attr);
        for (SNode n : rsc.ctx.nodes) {
            if (!nodes.has(n)) {
                continue;
            }
            int score = unique ? (rsc.allowed.has(n) && n.available() ? rsc.allowed.get(n) : -Scores.INF)
                    : bestScoreMatching(rsc, attr, n.attr(attr));
            int cur = nodes.get(n);
            if (factor < 0 && score < 0) {
                continue;
            }
            if (cur == INFINITY_HACK) {
                continue;
            }
            double wf = factor * score;
            int weight = (int) (wf < 0 ? wf - 0.5 : wf + 0.5);
            if (weight == 0 && score != 0) {
                weight = factor > 0 ? 1 : factor < 0 ? -1 : 0;
            }
            int ns = Scores.add(weight, cur);
            if (onlyPositive && ns < 0 && cur > 0) {
                nodes.set(n, INFINITY_HACK);
                continue;
            }
            if (onlyPositive && ns < 0 && cur == 0) {
                continue;
            }
            nodes.set(n, ns);
        }
    }

    /**
     * pcmk__add_colocated_node_scores: merge {@code rsc}'s (and, recursively, its colocated resources')
     * preferences into {@code nodes[0]} at {@code factor}. {@code nodes[0] == null} means "start from rsc's own".
     */
    static void addColocatedNodeScores(Rsc rsc, Weights[] nodes, String attr, double factor, int flags) {
        if (rsc.merging) {
            return;
        }
        rsc.merging = true;
        Weights work;
        if (rsc instanceof GroupRsc g) {
            if (g.members.isEmpty()) {
                rsc.merging = false;
                return;
            }
            Rsc member = nodes[0] == null ? g.members.get(g.members.size() - 1) : g.members.get(0);
            Weights[] holder = {nodes[0] == null ? null : nodes[0].copy()};
            addColocatedNodeScores(member, holder, attr, factor, flags);
            work = holder[0];
        } else if (nodes[0] == null) {
            work = rsc.allowed.copy();
        } else {
            work = nodes[0].copy();
            addScoresMatchingAttr(work, rsc, attr, factor, (flags & SELECT_NONNEGATIVE) != 0);
        }
        if (work == null) {
            rsc.merging = false;
            return;
        }
        if (work.anyAvailable(rsc.ctx.nodes)) {
            double multiplier = factor < 0 ? -1.0 : 1.0;
            List<Colocation> list;
            if ((flags & SELECT_THIS_WITH) != 0) {
                list = rsc.thisWith;
            } else if (rsc instanceof GroupRsc g) {
                list = g.members.get(g.members.size() - 1).withThis;
            } else {
                list = rsc.withThis;
            }
            for (Colocation c : List.copyOf(list)) {
                Rsc other;
                if ((flags & SELECT_THIS_WITH) != 0) {
                    other = c.primary();
                } else if (!c.hasInfluence()) {
                    continue;
                } else {
                    other = c.dependent();
                }
                double f = multiplier * c.score() / (double) Scores.INF;
                Weights[] holder = {work};
                addColocatedNodeScores(other, holder, c.nodeAttribute(), (float) f, flags | SELECT_ACTIVE);
                work = holder[0];
            }
        } else if ((flags & SELECT_ACTIVE) != 0) {
            rsc.merging = false;
            return;
        }
        if ((flags & SELECT_NONNEGATIVE) != 0) {
            for (SNode n : rsc.ctx.nodes) {
                if (work.has(n) && work.get(n) == INFINITY_HACK) {
                    work.set(n, 1);
                }
            }
        }
        nodes[0] = work;
        rsc.merging = false;
    }

    /** Insert keeping Pacemaker's order: higher priority first, clones before groups before primitives, then id. */
    static void insertSorted(List<Colocation> list, Colocation c, boolean byPrimary) {
        int i = 0;
        while (i < list.size() && compare(list.get(i), c, byPrimary) <= 0) {
            i++;
        }
        list.add(i, c);
    }

    private static int compare(Colocation a, Colocation b, boolean byPrimary) {
        Rsc ra = byPrimary ? a.primary() : a.dependent();
        Rsc rb = byPrimary ? b.primary() : b.dependent();
        if (ra.priority != rb.priority) {
            return ra.priority > rb.priority ? -1 : 1;
        }
        if (ra.variantRank() != rb.variantRank()) {
            return ra.variantRank() > rb.variantRank() ? -1 : 1;
        }
        if (ra instanceof CloneRsc && ra.isPromotable() != rb.isPromotable()) {
            return ra.isPromotable() ? -1 : 1;
        }
        return ra.id.compareTo(rb.id);
    }
}
