package io.vigil.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of one scheduler run.
 *
 * @param actions       the graph: every action that must run (plus blocked and pseudo ones), ids 0..n-1; edges
 *                      are {@link Action#inputs()}
 * @param summary       the human transition summary (like {@code crm_simulate -S})
 * @param scores        the full allocation/promotion score table, sorted as {@code crm_simulate -s} prints it
 * @param explanations  per resource id: a short sentence on why it is (or is not) where it is
 * @param finalPlacement per resource id (clone instance suffixes stripped): where it runs once the transition
 *                      completed, sorted; a stopped resource maps to an empty list
 * @param fenced        sorted {@code node:action} list of the fencing the transition performs
 * @param nodeStates    per node name, the state after the transition: online, offline, standby, maintenance,
 *                      unclean, pending
 * @param warnings      configuration problems met while scheduling (with the object's id)
 */
public record Transition(List<Action> actions, TransitionSummary summary, List<ScoreEntry> scores,
                         Map<String, String> explanations, Map<String, List<Placement>> finalPlacement,
                         List<String> fenced, Map<String, String> nodeStates, List<String> warnings) {

    public Transition {
        actions = List.copyOf(actions);
        // the engine's score table is already unmodifiable (and built lazily: it is large)
        scores = scores.getClass().getName().startsWith("io.vigil.scheduler.engine.") ? scores : List.copyOf(scores);
        explanations = Collections.unmodifiableMap(new TreeMap<>(explanations));
        TreeMap<String, List<Placement>> fp = new TreeMap<>();
        finalPlacement.forEach((k, v) -> {
            List<Placement> l = new ArrayList<>(v);
            Collections.sort(l);
            fp.put(k, List.copyOf(l));
        });
        finalPlacement = Collections.unmodifiableMap(fp);
        fenced = fenced.stream().sorted().toList();
        nodeStates = Collections.unmodifiableMap(new TreeMap<>(nodeStates));
        warnings = List.copyOf(warnings);
    }

    /** Actions that an executor runs (not pseudo, runnable). */
    public List<Action> executable() {
        return actions.stream().filter(a -> !a.pseudo() && a.runnable()).toList();
    }

    /**
     * The normalized verdict (the format of the shared Pacemaker corpus): {@code final}, {@code fenced},
     * {@code actions}, {@code nodes}, {@code rc}. Keys and lists sorted, so equal verdicts give equal text.
     */
    public String verdictJson() {
        return VerdictJson.render(this);
    }
}
