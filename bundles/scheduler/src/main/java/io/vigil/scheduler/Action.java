package io.vigil.scheduler;

import java.util.List;
import java.util.Map;

/**
 * One action of a transition graph.
 *
 * @param id       dense id, 0..n-1, stable for the same input
 * @param key      Pacemaker-style operation key, e.g. {@code rsc1_start_0}, {@code rsc1_monitor_10000}
 * @param kind     what the action does
 * @param resource resource id (clone instances as {@code rsc:N}), or null for node actions (fence, shutdown)
 * @param node     node the action runs on, or null for pseudo actions without a node
 * @param intervalMs recurring interval in ms (0 for non-recurring)
 * @param timeoutMs timeout in ms (operation definition, op_defaults, else 20 s)
 * @param params   agent parameters (instance attributes) plus {@code CRM_meta_*} entries, sorted by name
 * @param pseudo   true for milestones and implied actions that nothing executes
 * @param runnable false when the action is blocked (it stays in the graph so the summary can say why)
 * @param inputs   ids of actions that must complete before this one (the graph's edges), ascending
 */
public record Action(int id, String key, ActionKind kind, String resource, String node, long intervalMs,
                     long timeoutMs, Map<String, String> params, boolean pseudo, boolean runnable,
                     List<Integer> inputs) {

    public Action {
        // the engine's parameter maps are immutable and sorted already (and shared): copy only foreign ones
        params = params instanceof io.vigil.scheduler.engine.ActionParams ? params
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        inputs = inputs instanceof io.vigil.scheduler.engine.IntList ? inputs : List.copyOf(inputs);
    }

    @Override
    public String toString() {
        return key + (node == null ? "" : " on " + node) + (pseudo ? " (pseudo)" : "")
                + (runnable ? "" : " (blocked)");
    }
}
