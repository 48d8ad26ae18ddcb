package io.vigil.scheduler.engine;

import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Truth;

/** Node membership: online, pending, unclean (Pacemaker's determine_online_status). */
final class NodeOnline {
    private NodeOnline() {
    }

    static void determine(Engine ctx, SNode n, NodeState ns) {
        String exp = ns.expected();
        String join = ns.join();
        String inCcm = ns.attribute("in_ccm").orElse(null);
        boolean crmdOnline = ns.crmdOnline();
        String shutdown = n.attrs.get("shutdown");
        n.shutdown = shutdown != null && !shutdown.isBlank() && !"0".equals(shutdown.trim());
        n.expectedUp = !n.shutdown && "member".equals(exp);
        boolean online;
        if (!ctx.stonithEnabled) {
            online = false;
            if (!ns.inCcm()) {
                // down
            } else if (crmdOnline) {
                online = "member".equals(join);
            } else if (n.expectedUp) {
                fence(n, "peer is unexpectedly down");
            }
        } else {
            String terminate = n.attrs.get("terminate");
            boolean doTerminate = Truth.isTrue(terminate)
                    || (terminate != null && !terminate.isEmpty() && terminate.charAt(0) != '0'
                    && Character.isDigit(terminate.charAt(0)));
            online = ns.inCcm();
            if (exp == null) {
                exp = "down";
            }
            if (n.shutdown) {
                online = crmdOnline;
            } else if (inCcm == null) {
                fence(n, "peer has not been seen by the cluster");
            } else if ("banned".equals(join) || "nack".equals(join)) {
                fence(n, "peer failed Pacemaker membership criteria");
            } else if (!doTerminate && "down".equals(exp)) {
                if (ns.inCcm() || crmdOnline) {
                    n.standby = true;
                    n.pending = true;
                }
            } else if (doTerminate && "down".equals(join) && !ns.inCcm() && !crmdOnline) {
                online = false;
            } else if (!ns.inCcm()) {
                fence(n, "peer is no longer part of the cluster");
            } else if (!crmdOnline) {
                fence(n, "peer process is no longer available");
            } else if (doTerminate) {
                fence(n, "termination was requested");
            } else if ("member".equals(join)) {
                // active
            } else if ("pending".equals(join) || "down".equals(join)) {
                n.standby = true;
                n.pending = true;
            } else {
                fence(n, "peer was in an unknown state");
            }
        }
        n.online = online;
        if (!ctx.haveQuorum && online && "fence".equals(ctx.noQuorumPolicy)) {
            fence(n, "cluster does not have quorum");
        }
    }

    static void fence(SNode n, String reason) {
        if (!n.unclean) {
            n.unclean = true;
            n.fenceReason = reason;
        }
    }
}
