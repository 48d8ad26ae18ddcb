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
        // graph.actions is in creation (seq) order already
        for (int i = 0; i < included.size(); i++) {
            included.get(i).graphId = i;
        }
        List<PrimitiveRsc> probed = new ArrayList<>();
        int next = included.size();
        for (Rsc r : ctx.resources) {
            for (PrimitiveRsc p : r.primitives()) {
                if (p.probes != null && !p.probes.isEmpty()) {
                    p.probeBaseId = next;
                    next += p.probes.size();
                    probed.add(p);
                }
            }
        }
        List<Action> actions = new ArrayList<>(next);
        for (Act a : included) {
            int probes = a.rsc instanceof PrimitiveRsc p && p.probes != null && "start".equals(a.task)
                    ? p.probes.size() : 0;
            int[] ids = new int[a.before.size() + probes];
            int k = 0;
            for (Order o : a.before) {
                if (o.first.graphId >= 0) {
                    ids[k++] = o.first.graphId;
                }
            }
            for (int i = 0; i < probes; i++) {
                ids[k++] = ((PrimitiveRsc) a.rsc).probeBaseId + i;
            }
            java.util.Arrays.sort(ids, 0, k);
            int distinct = 0;
            for (int i = 0; i < k; i++) {
                if (i == 0 || ids[i] != ids[i - 1]) {
                    ids[distinct++] = ids[i];
                }
            }
            List<Integer> inputs = new IntList(distinct == ids.length ? ids : java.util.Arrays.copyOf(ids, distinct));
            actions.add(toAction(a, a.graphId, inputs));
        }
        List<Integer> none = new IntList(new int[0]);
        for (PrimitiveRsc p : probed) {
            String key = p.id + "_monitor_0";
            PrimitiveRsc.Params params = p.params(p.probeKey(), "monitor", 0, PROBE_META);
            for (int i = 0; i < p.probes.size(); i++) {
                actions.add(new Action(p.probeBaseId + i, key, ActionKind.PROBE, p.id, p.probes.get(i).name, 0,
                        params.timeoutMs(), params.params(), false, true, none));
            }
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
            if (Listing.listed(r)) {
                r.collectFinal(fin);
            }
            explain(r, explain);
        }
        Map<String, String> states = new TreeMap<>();
        for (SNode n : ctx.nodes) {
            states.put(n.name, state(n));
        }
        List<ScoreEntry> scores = ctx.scoreLog.table();
        return new Transition(actions, new TransitionSummary(fenced, List.of(), lines), scores, explain, fin,
                fenced, states, ctx.warnings);
    }

    private void explain(Rsc r, Map<String, String> out) {
        if (r instanceof PrimitiveRsc p) {
            String where = p.allocatedTo == null ? "stopped" : p.nextRole.text + " on " + p.allocatedTo;
            String why = p.explanation;
            if (why == null && p.bestScore && p.allocatedTo != null) {
                why = p.allocatedTo + " has the best score (" + Scores.text(p.allowed.get(p.allocatedTo)) + ")"
                        + (p.allocatedTo == p.currentNode() ? ", where it already runs" : "");
            }
            out.put(p.id, p.id + ": " + where + (why == null ? "" : " — " + why)
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

    private static final Map<String, String> PROBE_META = Map.of("probe", "true");

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
        Map<String, String> params;
        long timeout = 0;
        if (a.rsc instanceof PrimitiveRsc p) {
            PrimitiveRsc.Params cached = p.params(a.key, a.task, a.intervalMs, a.metaOrEmpty());
            params = cached.params();
            timeout = cached.timeoutMs();
        } else {
            params = Map.copyOf(a.metaOrEmpty());
            if (kind == ActionKind.FENCE) {
                timeout = ctx.props.stonithTimeoutMs();
            }
        }
        boolean pseudo = a.pseudo || (a.rsc != null && !(a.rsc instanceof PrimitiveRsc));
        return new Action(id, a.key, kind, a.rsc == null ? null : a.rsc.id, a.node == null ? null : a.node.name,
                a.intervalMs, timeout, params, pseudo, a.runnable, inputs);
    }
}
