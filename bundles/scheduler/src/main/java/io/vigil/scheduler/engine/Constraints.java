package io.vigil.scheduler.engine;

import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.ResourceSet;
import io.vigil.cib.model.Truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Colocation and order constraints (including simple resource sets). */
final class Constraints {
    private final Engine ctx;

    Constraints(Engine ctx) {
        this.ctx = ctx;
    }

    void unpackColocations() {
        for (Rsc r : ctx.byId.values()) {
            if (r instanceof GroupRsc g) {
                g.addInternalColocations();
            }
        }
        for (Constraint c : ctx.cib.configuration().constraints()) {
            if (!(c instanceof ColocationConstraint cc)) {
                continue;
            }
            String influenceAttr = cc.otherAttributes().get("influence");
            if (cc.resourceSets().isEmpty()) {
                add(cc.id(), cc.rsc(), cc.withRsc(), cc.score() == null ? 0 : cc.score().value(), cc.rscRole(),
                        cc.withRscRole(), cc.nodeAttribute(), influenceAttr);
                continue;
            }
            // Sets: within a sequential set each member is colocated with the previous one; between sets,
            // every member of a later set is colocated with the members of the previous set.
            int score = cc.score() == null ? 0 : cc.score().value();
            List<ResourceSet> sets = cc.resourceSets();
            for (ResourceSet s : sets) {
                int sscore = s.score() != null ? s.score().value() : score;
                if (s.isSequential()) {
                    List<String> refs = s.resourceRefs();
                    for (int i = 1; i < refs.size(); i++) {
                        add(cc.id(), refs.get(i), refs.get(i - 1), sscore, s.role(), s.role(), cc.nodeAttribute(),
                                influenceAttr);
                    }
                }
            }
            for (int i = 1; i < sets.size(); i++) {
                ResourceSet prev = sets.get(i - 1);
                ResourceSet cur = sets.get(i);
                String withRsc = prev.resourceRefs().isEmpty() ? null
                        : prev.resourceRefs().get(prev.isSequential() ? prev.resourceRefs().size() - 1 : 0);
                for (String d : cur.resourceRefs()) {
                    if (withRsc != null) {
                        add(cc.id(), d, withRsc, score, cur.role(), prev.role(), cc.nodeAttribute(), influenceAttr);
                    }
                    if (cur.isSequential()) {
                        break;
                    }
                }
            }
        }
    }

    private void add(String id, String dep, String prim, int score, String depRole, String primRole, String attr,
                     String influenceAttr) {
        if (score == 0 || dep == null || prim == null) {
            return;
        }
        Rsc d = ctx.byId.get(dep);
        Rsc p = ctx.byId.get(prim);
        if (d == null || p == null) {
            ctx.warn(id + ": colocation refers to a resource that does not exist");
            return;
        }
        boolean influence = influenceAttr != null ? Truth.isTrue(influenceAttr) : d.critical;
        Role dr = depRole == null || "started".equalsIgnoreCase(depRole) ? Role.UNKNOWN : Role.parse(depRole);
        Role pr = primRole == null || "started".equalsIgnoreCase(primRole) ? Role.UNKNOWN : Role.parse(primRole);
        Colocation c = new Colocation(id, d, p, score, dr, pr, attr, influence);
        ctx.colocations.add(c);
        Coloc.insertSorted(d.thisWith, c, true);
        Coloc.insertSorted(p.withThis, c, false);
    }

    void unpackOrders() {
        for (Constraint c : ctx.cib.configuration().constraints()) {
            if (!(c instanceof OrderConstraint oc)) {
                continue;
            }
            String kind = kind(oc);
            requireAll = oc.otherAttributes().get("require-all") == null
                    || Truth.isTrue(oc.otherAttributes().get("require-all"));
            boolean symmetrical = oc.symmetrical() == null ? !"serialize".equals(kind) : Truth.isTrue(oc.symmetrical());
            if (oc.resourceSets().isEmpty()) {
                String fa = oc.firstAction() == null ? "start" : oc.firstAction();
                String ta = oc.thenAction() == null ? fa : oc.thenAction();
                order(oc.first(), fa, oc.then(), ta, kind, symmetrical);
                continue;
            }
            List<ResourceSet> sets = oc.resourceSets();
            for (ResourceSet s : sets) {
                String a = s.action() == null ? "start" : s.action();
                if (s.isSequential()) {
                    for (int i = 1; i < s.resourceRefs().size(); i++) {
                        order(s.resourceRefs().get(i - 1), a, s.resourceRefs().get(i), a, kind, symmetrical);
                    }
                }
            }
            for (int i = 1; i < sets.size(); i++) {
                ResourceSet prev = sets.get(i - 1);
                ResourceSet cur = sets.get(i);
                String fa = prev.action() == null ? "start" : prev.action();
                String ta = cur.action() == null ? "start" : cur.action();
                List<String> firsts = prev.isSequential() && !prev.resourceRefs().isEmpty()
                        ? List.of(prev.resourceRefs().get(prev.resourceRefs().size() - 1)) : prev.resourceRefs();
                List<String> thens = cur.isSequential() && !cur.resourceRefs().isEmpty()
                        ? List.of(cur.resourceRefs().get(0)) : cur.resourceRefs();
                for (String f : firsts) {
                    for (String t : thens) {
                        order(f, fa, t, ta, kind, symmetrical);
                    }
                }
            }
        }
    }

    private static String kind(OrderConstraint oc) {
        if (oc.kind() != null) {
            return oc.kind().toLowerCase(Locale.ROOT);
        }
        if (oc.score() != null) {
            return oc.score().value() == 0 ? "optional" : "mandatory";
        }
        return "mandatory";
    }

    private static String invert(String a) {
        return switch (a) {
            case "start" -> "stop";
            case "stop" -> "start";
            case "promote" -> "demote";
            case "demote" -> "promote";
            case "promoted" -> "demoted";
            case "demoted" -> "promoted";
            case "running" -> "stopped";
            case "stopped" -> "running";
            default -> null;
        };
    }

    private void order(String first, String fa, String then, String ta, String kind, boolean symmetrical) {
        Rsc f = ctx.byId.get(first);
        Rsc t = ctx.byId.get(then);
        if (f == null || t == null) {
            return;
        }
        fa = fa.toLowerCase(Locale.ROOT);
        ta = ta.toLowerCase(Locale.ROOT);
        link(f, fa, t, ta, flags(kind, fa, symmetrical ? 1 : 0));
        if (symmetrical) {
            String ifa = invert(fa);
            String ita = invert(ta);
            if (ifa != null && ita != null) {
                link(t, ita, f, ifa, flags(kind, ifa, 2));
            }
        }
    }

    /** symmetry: 0 asymmetric, 1 symmetric, 2 symmetric inverse. */
    private static int flags(String kind, String firstAction, int symmetry) {
        if ("optional".equals(kind)) {
            return Order.OPTIONAL;
        }
        if ("serialize".equals(kind)) {
            return Order.SERIALIZE;
        }
        return switch (symmetry) {
            case 0 -> Order.ASYMMETRICAL;
            case 1 -> Order.IMPLIES_THEN
                    | ("start".equals(firstAction) || "promote".equals(firstAction) ? Order.RUNNABLE_LEFT : 0);
            default -> Order.IMPLIES_FIRST;
        };
    }

    /** Collective "first" actions are represented by their completion milestones. */
    private void link(Rsc f, String fa, Rsc t, String ta, int flags) {
        String firstTask = fa;
        if (!(f instanceof PrimitiveRsc)) {
            firstTask = switch (fa) {
                case "start" -> "running";
                case "stop" -> "stopped";
                case "promote" -> "promoted";
                case "demote" -> "demoted";
                default -> fa;
            };
        }
        if (f instanceof CloneRsc fc && t instanceof CloneRsc tc && fc != tc && requireAll
                && fc.meta.get("clone-min") == null) {
            Rsc decider = "stop".equals(ta) || "demote".equals(ta) ? f : t;
            if (Truth.isTrue(decider.meta.get("interleave"))) {
                interleave(fc, firstTask, fa, tc, ta, flags);
                return;
            }
        }
        List<Act> firsts = new ArrayList<>(f.actionsFor(firstTask));
        if (firsts.isEmpty() && f instanceof PrimitiveRsc && ("start".equals(fa) || "promote".equals(fa))) {
            firsts.add(f.action(fa, null, true));
        }
        List<Act> thens = new ArrayList<>(t.actionsFor(ta));
        if (thens.isEmpty() && t instanceof PrimitiveRsc && ("start".equals(ta) || "promote".equals(ta))) {
            return;
        }
        for (Act a : firsts) {
            for (Act b : thens) {
                ctx.graph.order(a, b, flags);
            }
        }
    }

    private record Interleaved(CloneRsc f, String firstTask, String childFirstTask, CloneRsc t, String ta,
                               int flags) {
    }

    private final List<Interleaved> interleaved = new ArrayList<>();
    /** The order constraint being unpacked requires all of its first resources (no clone-min semantics). */
    private boolean requireAll = true;

    /** Interleaved clones: each instance of then is ordered after the instance of first on the same node. */
    private void interleave(CloneRsc f, String firstTask, String childFirstTask, CloneRsc t, String ta, int flags) {
        for (Act a : f.actionsFor(firstTask)) {
            for (Act b : t.actionsFor(ta)) {
                ctx.graph.order(a, b, Order.OPTIONAL);
            }
        }
        interleaved.add(new Interleaved(f, firstTask, childFirstTask, t, ta, flags));
    }

    /**
     * Pairs interleaved instances once every ordering is known: an instance of a mandatory then-clone with no
     * first instance on its node cannot be active, which may in turn leave others without a partner.
     */
    void pairInterleaved() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Interleaved x : interleaved) {
                boolean current = "stopped".equals(x.firstTask()) || "demoted".equals(x.firstTask());
                if (current || (x.flags() & (Order.RUNNABLE_LEFT | Order.IMPLIES_THEN)) == 0) {
                    continue;
                }
                for (Rsc thenChild : x.t().instances) {
                    if (CloneRsc.assignedAnywhere(thenChild)
                            && x.f().findCompatible(thenChild, Role.UNKNOWN, false) == null) {
                        CloneRsc.inhibit(thenChild);
                        changed = true;
                    }
                }
            }
        }
        for (Interleaved x : interleaved) {
            boolean current = "stopped".equals(x.firstTask()) || "demoted".equals(x.firstTask());
            for (Rsc thenChild : x.t().instances) {
                Rsc firstChild = x.f().findCompatible(thenChild, Role.UNKNOWN, current);
                if (firstChild == null) {
                    continue;
                }
                List<Act> fa = firstChild.actionsFor(x.childFirstTask());
                List<Act> tb = thenChild.actionsFor(x.ta());
                if (fa.isEmpty() || tb.isEmpty()) {
                    continue;
                }
                ctx.graph.order(fa.get(0), tb.get(0), x.flags());
            }
        }
    }
}
