package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Chooses which promotable clone instances are promoted (promotion scores, promoted-max, promoted-node-max). */
final class Promotion {
    private Promotion() {
    }

    static int score(CloneRsc clone, Rsc instance, SNode n) {
        Integer attrScore = null;
        for (PrimitiveRsc p : instance.primitives()) {
            String v = n.attr("master-" + p.baseId());
            if (v == null) {
                v = n.attr("master-" + p.id);
            }
            if (v != null) {
                attrScore = (attrScore == null ? 0 : attrScore) + Scores.parse(v, 0);
            }
        }
        int loc = clone.promotedLocation[n.index];
        if (attrScore == null && loc == 0) {
            return -1;
        }
        return Scores.add(attrScore == null ? 0 : attrScore, loc);
    }

    static void setRoles(CloneRsc clone) {
        Role cap = StatusUnpacker.targetRole(clone);
        List<Rsc> candidates = new ArrayList<>();
        for (Rsc i : clone.instances) {
            if (i.allocatedTo == null) {
                continue;
            }
            int s = score(clone, i, i.allocatedTo);
            if (i.role == Role.PROMOTED && s >= 0) {
                s = Scores.add(s, Math.max(0, i.stickiness));
            }
            i.priority = s;
            clone.ctx.scoreLog.promotion(i.id, i.allocatedTo.name, s);
            candidates.add(i);
        }
        candidates.sort(Comparator.comparingInt((Rsc r) -> -r.priority)
                .thenComparingInt(r -> r.role == Role.PROMOTED ? 0 : 1)
                .thenComparingInt(CloneRsc::instanceNo));
        int promoted = 0;
        java.util.Map<SNode, Integer> perNode = new java.util.HashMap<>();
        for (Rsc i : candidates) {
            boolean promote = i.priority >= 0 && promoted < clone.promotedMax
                    && perNode.getOrDefault(i.allocatedTo, 0) < clone.promotedNodeMax
                    && cap != Role.UNPROMOTED && cap != Role.STOPPED
                    && (clone.ctx.haveQuorum || !"demote".equals(clone.ctx.noQuorumPolicy));
            Role next = promote ? Role.PROMOTED : Role.UNPROMOTED;
            if (promote) {
                promoted++;
                perNode.merge(i.allocatedTo, 1, Integer::sum);
            }
            setNext(i, next);
        }
    }

    private static void setNext(Rsc r, Role next) {
        if (r.nextRole == Role.STOPPED) {
            return;
        }
        if (next == Role.PROMOTED && r.nextRole != Role.UNKNOWN && r.nextRole.below(Role.PROMOTED)
                && r.nextRole != Role.STARTED) {
            next = r.nextRole;
        }
        r.nextRole = next;
        for (Rsc c : r.children()) {
            setNext(c, next);
        }
    }
}
