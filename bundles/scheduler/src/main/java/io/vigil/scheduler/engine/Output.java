package io.vigil.scheduler.engine;

import io.vigil.scheduler.Action;
import io.vigil.scheduler.ActionKind;
import io.vigil.scheduler.Placement;
import io.vigil.scheduler.ScoreEntry;
import io.vigil.scheduler.SummaryLine;
import io.vigil.scheduler.Transition;
import io.vigil.scheduler.TransitionSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Final stage: the graph (required actions and their edges), summary, scores, placement and node states. */
final class Output {
    private final Engine ctx;

    Output(Engine ctx) {
        this.ctx = ctx;
    }

    Transition build() {
        List<Act> included = new ArrayList<>();
        for (Act a : ctx.graph.actions) {
            if (!a.optional) {
                included.add(a);
            }
        }
        included.sort(Comparator.comparingInt(a -> a.seq));
        Map<Act, Integer> ids = new HashMap<>();
        for (Act a : included) {
            ids.put(a, ids.size());
        }
        List<Action> actions = new ArrayList<>();
        for (Act a : included) {
            List<Integer> inputs = new ArrayList<>();
            for (Order o : a.before) {
                Integer id = ids.get(o.first);
                if (id != null && !inputs.contains(id)) {
                    inputs.add(id);
                }
            }
            inputs.sort(Integer::compare);
            actions.add(toAction(a, ids.get(a), inputs));
        }
        List<SummaryLine> lines = new ArrayList<>();
        for (Rsc r : ctx.resources) {
            r.summarize(lines);
        }
        List<String> fenced = new ArrayList<>();
        for (Act f : ctx.graph.fencing) {
            fenced.add(f.node.name + ":" + ctx.stonithAction);
        }
        Map<String, List<Placement>> fin = new TreeMap<>();
        Map<String, String> explain = new TreeMap<>();
        for (Rsc r : ctx.resources) {
            r.collectFinal(fin);
            explain(r, explain);
        }
        Map<String, String> states = new TreeMap<>();
        for (SNode n : ctx.nodes) {
            states.put(n.name, state(n));
        }
        List<ScoreEntry> scores = new ArrayList<>(ctx.scoreLog.entries);
        scores.sort(Comparator.comparing(ScoreEntry::text));
        return new Transition(actions, new TransitionSummary(fenced, List.of(), lines), scores, explain, fin,
                fenced, states, ctx.warnings);
    }

    private void explain(Rsc r, Map<String, String> out) {
        if (r instanceof PrimitiveRsc p) {
            String where = p.allocatedTo == null ? "stopped" : p.nextRole.text + " on " + p.allocatedTo;
            out.put(p.id, p.id + ": " + where + (p.explanation == null ? "" : " — " + p.explanation)
                    + (p.failed ? " (failed)" : "") + (!p.managed ? " (unmanaged)" : ""));
        }
        for (Rsc c : r.children()) {
            explain(c, out);
        }
    }

    private String state(SNode n) {
        if (n.fenceScheduled) {
            return "offline";
        }
        if (n.unclean) {
            return "unclean";
        }
        if (!n.online) {
            return "offline";
        }
        if (n.maintenance) {
            return "maintenance";
        }
        if (n.standby) {
            return "standby";
        }
        if (n.pending) {
            return "pending";
        }
        return "online";
    }

    private Action toAction(Act a, int id, List<Integer> inputs) {
        ActionKind kind = switch (a.task) {
            case "start" -> ActionKind.START;
            case "stop" -> ActionKind.STOP;
            case "monitor" -> a.intervalMs == 0 ? ActionKind.PROBE : ActionKind.MONITOR;
            case "promote" -> ActionKind.PROMOTE;
            case "demote" -> ActionKind.DEMOTE;
            case "notify" -> ActionKind.NOTIFY;
            case "stonith" -> ActionKind.FENCE;
            case "running" -> ActionKind.RUNNING;
            case "stopped" -> ActionKind.STOPPED;
            case "promoted" -> ActionKind.PROMOTED;
            case "demoted" -> ActionKind.DEMOTED;
            case "cancel" -> ActionKind.CANCEL;
            default -> ActionKind.NOTIFIED;
        };
        Map<String, String> params = new TreeMap<>(a.meta);
        long timeout = 0;
        if (a.rsc instanceof PrimitiveRsc p) {
            params.putAll(p.config.instanceAttributes().unconditional());
            timeout = p.timeoutMs(a.task, a.intervalMs);
            params.put("CRM_meta_timeout", Long.toString(timeout));
            params.put("CRM_meta_interval", Long.toString(a.intervalMs));
            if (p.instanceNo >= 0) {
                params.put("CRM_meta_clone", Integer.toString(p.instanceNo));
            }
        } else if (kind == ActionKind.FENCE) {
            timeout = ctx.props.stonithTimeoutMs();
        }
        boolean pseudo = a.pseudo || (a.rsc != null && !(a.rsc instanceof PrimitiveRsc));
        return new Action(id, a.key, kind, a.rsc == null ? null : a.rsc.id, a.node == null ? null : a.node.name,
                a.intervalMs, timeout, params, pseudo, a.runnable, inputs);
    }
}
