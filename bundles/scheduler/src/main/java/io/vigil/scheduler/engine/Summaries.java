package io.vigil.scheduler.engine;

import io.vigil.scheduler.SummaryLine;

import java.util.List;

/** Transition summary lines per primitive (the decision table of crm_simulate's rsc-action output). */
final class Summaries {
    private Summaries() {
    }

    private static Act find(Rsc r, String task, SNode node) {
        for (Act a : r.actions) {
            if (a.task.equals(task) && a.intervalMs == 0 && (node == null || a.node == node || a.node == null)) {
                return a;
            }
        }
        return null;
    }

    static void primitive(PrimitiveRsc r, List<SummaryLine> out) {
        SNode current = r.currentNode();
        SNode next = r.allocatedTo;
        if (!r.managed || (current == null && next == null)) {
            return;
        }
        boolean moving = current != null && next != null && current != next;
        Act start = find(r, "start", next);
        SNode startNode = start == null || !start.runnable ? null : current;
        Act stop = find(r, "stop", startNode);
        Act promote = find(r, "promote", next);
        Act demote = find(r, "demote", next);
        Role role = r.role;
        Role nextRole = r.nextRole;
        if (role == nextRole) {
            if (start == null || start.optional) {
                if (demote != null && promote != null && !demote.optional && !promote.optional) {
                    out.add(item(r, "Re-promote", current, next, promote, demote));
                }
            } else if (!start.runnable) {
                out.add(item(r, "Stop", current, null, stop != null ? stop : start, null));
            } else if (moving) {
                out.add(item(r, r.failed ? "Recover" : "Move", current, next, stop, null));
            } else if (r.failed) {
                out.add(item(r, "Recover", current, null, stop, null));
            } else {
                out.add(item(r, "Restart", current, next, start, null));
            }
            return;
        }
        if (stop != null && (nextRole == Role.STOPPED || (start != null && !start.runnable))) {
            for (SNode n : r.runningOn) {
                Act s = r.findAction("stop", n);
                if (s != null || start != null) {
                    out.add(item(r, "Stop", n, null, s != null ? s : start, null));
                }
            }
        } else if (stop != null && r.failed && r.stopFlag) {
            out.add(item(r, "Recover", current, next, stop, start));
        } else if (moving) {
            out.add(item(r, "Move", current, next, stop, null));
        } else if (stop != null && !stop.optional) {
            out.add(item(r, "Restart", current, next, start, null));
        } else if (role == Role.PROMOTED) {
            if (demote != null) {
                out.add(item(r, "Demote", current, next, demote, null));
            }
        } else if (nextRole == Role.PROMOTED) {
            if (promote != null && next != null) {
                out.add(item(r, "Promote", current, next, promote, null));
            }
        } else if (role == Role.STOPPED && nextRole.above(Role.STOPPED) && next != null && start != null) {
            out.add(item(r, "Start", null, next, start, null));
        }
    }

    private static SummaryLine item(PrimitiveRsc r, String change, SNode origin, SNode dest, Act action, Act source) {
        Role role = r.role;
        Role nextRole = r.nextRole;
        boolean needRole = role.above(Role.STARTED) || nextRole.above(Role.UNPROMOTED);
        boolean sameHost = origin != null && dest != null && origin == dest;
        boolean sameRole = role == nextRole;
        String o = origin == null ? null : origin.name;
        String d = dest == null ? null : dest.name;
        String ro = null;
        String nr = null;
        if (needRole && origin == null) {
            ro = role.text;
            nr = nextRole.text;
        } else if (origin == null) {
            // start
        } else if (needRole && dest == null) {
            ro = role.text;
        } else if (dest == null) {
            // stop
        } else if (needRole && sameRole && sameHost) {
            ro = role.text;
            d = null;
        } else if (sameRole && sameHost) {
            d = null;
        } else if (needRole && sameRole) {
            ro = role.text;
        } else if (sameRole) {
            // move
        } else if (sameHost) {
            ro = role.text;
            nr = nextRole.text;
            d = null;
        } else {
            ro = role.text;
            nr = nextRole.text;
        }
        Act src = source == null ? action : source;
        boolean blocked = action != null && !action.runnable;
        String reason = src != null ? src.reason : null;
        return new SummaryLine(change, r.id, o, d, ro, nr, blocked, reason);
    }
}
