package io.vigil.scheduler.engine;

import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Truth;
import io.vigil.scheduler.Placement;
import io.vigil.scheduler.SummaryLine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A primitive resource, or one primitive clone instance. */
final class PrimitiveRsc extends Rsc {
    final Primitive config;
    int instanceNo = -1;
    /** Assigned to the node with the best score (explained from the final weights). */
    boolean bestScore;
    /** The parameters changed since the resource was started: its start is required (a restart in place). */
    boolean definitionChanged;
    /** Nodes this resource is probed on (null: none). */
    List<SNode> probes;
    /** Graph id of the first probe (probes get consecutive ids). */
    int probeBaseId;
    /** The lrm_resource id this instance's history was recorded under (Pacemaker's clone_name). */
    String historyName;
    /** Recurring monitors recorded in history, per node: "interval@node". */
    final Set<String> activeMonitors = new HashSet<>();
    /** A masked probe failure or similar left the role unknown on these nodes. */
    final Map<String, Long> utilization = new java.util.TreeMap<>();

    PrimitiveRsc(Engine ctx, String id, Rsc parent, Map<String, String> meta, Primitive config) {
        super(ctx, id, parent, meta);
        this.config = config;
        config.utilization().unconditional().forEach((k, v) -> utilization.put(k, Unpacker.parseLong(v)));
    }

    @Override
    List<Rsc> children() {
        return List.of();
    }

    @Override
    int variantRank() {
        return 0;
    }

    @Override
    void collectPrimitives(List<PrimitiveRsc> out) {
        out.add(this);
    }

    /** The configured id (without clone instance suffix). */
    String baseId() {
        return config.id();
    }

    boolean inPromotable() {
        Rsc t = top();
        return t instanceof CloneRsc c && c.promotable;
    }

    boolean isFencingDevice() {
        return config.isFencingDevice();
    }

    /** What starting this resource requires: nothing, quorum, fencing or unfencing (Pacemaker's defaults). */
    String requires() {
        String v = meta.get("requires");
        if (v != null) {
            v = v.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("nothing") || v.equals("quorum")) {
                return v;
            }
            if ((v.equals("fencing") || v.equals("unfencing")) && ctx.stonithEnabled && !isFencingDevice()) {
                return v;
            }
        }
        if (isFencingDevice()) {
            return "quorum";
        }
        if (ctx.stonithEnabled) {
            return "fencing";
        }
        return "ignore".equals(ctx.noQuorumPolicy) ? "nothing" : "quorum";
    }

    // ---- assignment ---------------------------------------------------------------------------

    @Override
    SNode assign(SNode prefer) {
        if (parent != null && !parent.allocating && parent instanceof GroupRsc) {
            parent.assign(prefer);
        }
        if (!provisional) {
            return allocatedTo;
        }
        if (allocating) {
            return null;
        }
        allocating = true;
        for (Colocation c : List.copyOf(thisWith)) {
            Weights archive = null;
            if (c.dependentRole().ordinal() >= Role.PROMOTED.ordinal()
                    || (c.score() < 0 && c.score() > -Scores.INF)) {
                archive = allowed.copy();
            }
            c.primary().assign(null);
            c.primary().applyColocAsPrimary(this, c);
            if (archive != null && !allowed.anyAvailable(ctx.nodes)) {
                allowed = archive;
            }
        }
        if (!provisional) {
            // an interleaved colocation found no instance to pair with
            allocating = false;
            explanation = "no instance of a mandatory interleaved primary to pair with";
            return allocatedTo;
        }
        for (Colocation c : List.copyOf(withThis)) {
            if (!c.hasInfluence()) {
                continue;
            }
            Weights[] holder = {allowed};
            Coloc.addColocatedNodeScores(c.dependent(), holder, c.nodeAttribute(),
                    (float) (c.score() / (double) Scores.INF), Coloc.SELECT_ACTIVE);
            allowed = holder[0];
        }
        if (nextRole == Role.STOPPED) {
            addLocation(null, -Scores.INF);
        } else if (nextRole.above(role) && !ctx.haveQuorum && "freeze".equals(ctx.noQuorumPolicy)) {
            nextRole = role;
        }
        ctx.scoreLog.log("pcmk__primitive_assign", id, ctx.nodes, allowed);
        if (ctx.stonithEnabled && !ctx.haveStonithResource) {
            managed = false;
        }
        if (!managed) {
            nextRole = role;
            finalizeAssignment(currentNode(), true);
            explanation = currentNode() == null ? "unmanaged and inactive" : "unmanaged: stays on " + currentNode();
        } else if (ctx.stopAll) {
            finalizeAssignment(null, true);
            explanation = "stop-all-resources is set";
        } else if (provisional) {
            assignBestNode(prefer);
        }
        allocating = false;
        return allocatedTo;
    }

    private void assignBestNode(SNode prefer) {
        SNode best = NodeSort.best(ctx, allowed, currentNode());
        SNode chosen = null;
        if (prefer != null && best != null) {
            if (allowed.has(prefer) && allowed.get(prefer) >= allowed.get(best) && prefer.available()
                    && allowed.get(prefer) >= 0) {
                chosen = prefer;
            }
        }
        if (chosen == null && best != null) {
            chosen = best;
            boolean uniqueInstance = parent instanceof CloneRsc cl && cl.unique;
            if (!uniqueInstance && allowed.get(chosen) > 0 && chosen.available()) {
                // among the nodes tied with the best, stay where it runs
                SNode running = currentNode();
                if (running != null && running.available() && allowed.get(running) >= 0 && allowed.has(running)
                        && allowed.get(running) == allowed.get(chosen)) {
                    chosen = running;
                }
            }
        }
        finalizeAssignment(chosen, false);
        if (allocatedTo != null) {
            explanation = null; // the usual case, worded only when the output is built
            bestScore = true;
        } else if (explanation == null) {
            explanation = best == null ? "no node is allowed" : "no available node has a non-negative score";
        }
    }

    /** pcmk__finalize_assignment. */
    boolean finalizeAssignment(SNode chosen, boolean force) {
        if (!force && chosen != null) {
            if (allowed.get(chosen) < 0 || !chosen.available()) {
                nextRole = Role.STOPPED;
                chosen = null;
            }
        }
        provisional = false;
        allocatedTo = null;
        if (chosen == null) {
            nextRole = Role.STOPPED;
            return false;
        }
        allocatedTo = chosen;
        chosen.numResources++;
        Utilization.consume(chosen, utilization);
        return true;
    }

    @Override
    void applyColocAsPrimary(Rsc dependent, Colocation c) {
        switch (Coloc.affects(dependent, this, c, false)) {
            case ROLE -> Coloc.applyToPriority(dependent, this, c);
            case LOCATION -> Coloc.applyToWeights(dependent, this, c);
            default -> {
            }
        }
    }

    // ---- actions ------------------------------------------------------------------------------

    @Override
    void createActions() {
        if (nextRole == Role.UNKNOWN) {
            nextRole = allocatedTo == null ? Role.STOPPED : Role.STARTED;
        }
        if (nextRole == Role.STARTED && inPromotable()) {
            nextRole = Role.UNPROMOTED;
        }
        SNode current = currentNode();
        boolean needStop = false;
        boolean needPromote = false;
        boolean moving = false;
        if (current != null && allocatedTo != null && current != allocatedTo
                && nextRole.ordinal() >= Role.STARTED.ordinal()) {
            moving = true;
            needStop = true;
        }
        int cleanActive = 0;
        for (SNode n : runningOn) {
            if (!n.unclean) {
                cleanActive++;
            }
        }
        boolean needsFencing = ctx.stonithEnabled && !isFencingDevice();
        boolean multiplyActive = needsFencing ? runningOn.size() > 1 : cleanActive > 1;
        if (multiplyActive && !"block".equals(multipleActive)) {
            needStop = true;
        }
        if (moving) {
            // nothing more
        } else if (failed) {
            if (stopFlag) {
                needStop = true;
            } else if (nextRole == Role.PROMOTED) {
                needPromote = true;
            }
        } else if (block) {
            needStop = true;
        } else if (definitionChanged && managed && current != null && current == allocatedTo) {
            needStop = true;
        } else if (role.above(Role.STARTED) && current != null && allocatedTo != null) {
            Act start = action("start", allocatedTo, true);
            if (!start.optional) {
                needStop = true;
            }
        }
        scheduleRestart(current, needStop, needPromote);
        scheduleRoleTransition();
        Recurring.create(this);
    }

    private void scheduleRestart(SNode current, boolean needStop, boolean needPromote) {
        Role r = role;
        while (r != Role.STOPPED) {
            Role next = r.stepTowards(Role.STOPPED);
            if (!transition(r, next, current, !needStop)) {
                break;
            }
            r = next;
        }
        while (role.ordinal() <= nextRole.ordinal() && r != role && !block) {
            boolean required = needStop;
            Role next = r.stepTowards(role);
            if (next == Role.PROMOTED && needPromote) {
                required = true;
            }
            if (!transition(r, next, allocatedTo, !required)) {
                break;
            }
            r = next;
        }
    }

    private void scheduleRoleTransition() {
        Role r = role;
        while (r != nextRole) {
            Role next = r.stepTowards(nextRole);
            if (!transition(r, next, allocatedTo, false)) {
                break;
            }
            r = next;
        }
    }

    /** The action matrix: returns false when no function applies (NULL in Pacemaker's matrix). */
    private boolean transition(Role from, Role to, SNode node, boolean optional) {
        switch (from) {
            case UNKNOWN -> {
                if (to == Role.STOPPED) {
                    stopResource(optional);
                    return true;
                }
                return false;
            }
            case STOPPED -> {
                if (to == Role.STARTED || to == Role.UNPROMOTED) {
                    startResource(node, optional);
                    return true;
                }
                return false;
            }
            case STARTED -> {
                if (to == Role.STOPPED) {
                    stopResource(optional);
                    return true;
                }
                if (to == Role.PROMOTED) {
                    promoteResource(node, optional);
                    return true;
                }
                return false;
            }
            case UNPROMOTED -> {
                if (to == Role.STOPPED || to == Role.STARTED) {
                    stopResource(optional);
                    return true;
                }
                if (to == Role.PROMOTED) {
                    promoteResource(node, optional);
                    return true;
                }
                return false;
            }
            case PROMOTED -> {
                if (to != Role.PROMOTED && to != Role.UNKNOWN) {
                    for (SNode n : runningOn) {
                        action("demote", n, optional);
                    }
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void stopResource(boolean optional) {
        for (SNode n : runningOn) {
            Act stop = action("stop", n, optional);
            if (allocatedTo == null && stop.reason == null) {
                stop.reason = "node availability";
            }
            if (!managed) {
                stop.runnable = false;
            }
        }
    }

    private void startResource(SNode node, boolean optional) {
        if (node == null) {
            return;
        }
        Act start = action("start", node, true);
        if (start.runnable && !optional) {
            start.optional = false;
        }
    }

    private void promoteResource(SNode node, boolean optional) {
        if (node == null) {
            return;
        }
        boolean runnable = true;
        for (Act a : actionsFor("start")) {
            if (a.node == node && !a.runnable) {
                runnable = false;
            }
        }
        Act promote = action("promote", node, optional);
        if (!runnable) {
            promote.runnable = false;
        }
    }

    @Override
    void internalConstraints() {
        if (!managed) {
            return;
        }
        ctx.graph.orderTasks(this, "stop", this, "start", Order.IMPLIES_THEN | Order.RESTART);
        if (inPromotable() || role.above(Role.UNPROMOTED)) {
            ctx.graph.orderTasks(this, "demote", this, "stop", Order.PROMOTED_IMPLIES_FIRST);
            ctx.graph.orderTasks(this, "start", this, "promote", Order.RUNNABLE_LEFT);
        }
    }

    private final String probeKey = "probe";

    /** Cache key for the probe's parameters (distinct from every action key, compared by identity). */
    String probeKey() {
        return probeKey;
    }

    /** Agent parameters of one action (shared by the actions that differ only by node) and its timeout. */
    record Params(Map<String, String> params, long timeoutMs) {
    }

    private static final String[] META = {"CRM_meta_interval", "CRM_meta_timeout"};
    private static final String[] CLONE_META = {"CRM_meta_clone", "CRM_meta_interval", "CRM_meta_timeout"};

    private final Map<String, Params> paramCache = new java.util.IdentityHashMap<>(4);

    /** {@code key} is the action key, one shared string per task and interval (the action's own meta follows). */
    Params params(String key, String task, long intervalMs, Map<String, String> actionMeta) {
        String k = key;
        Params cached = paramCache.get(k);
        if (cached == null) {
            // the action's meta, then instance attributes, then the CRM_meta values win (as before)
            Map<String, String> base = ctx.instanceAttributes(config);
            long timeout = timeoutMs(task, intervalMs);
            ActionParams params;
            if (actionMeta.isEmpty()) {
                // the common case: the overlay keys are fixed, so their array is shared
                params = instanceNo >= 0
                        ? new ActionParams(base, CLONE_META, new String[] {ctx.text(instanceNo), ctx.text(intervalMs),
                                ctx.text(timeout)})
                        : new ActionParams(base, META, new String[] {ctx.text(intervalMs), ctx.text(timeout)});
            } else {
                Map<String, String> m = new java.util.HashMap<>(8);
                actionMeta.forEach((name, v) -> {
                    if (!base.containsKey(name)) {
                        m.put(name, v);
                    }
                });
                m.put("CRM_meta_timeout", Long.toString(timeout));
                m.put("CRM_meta_interval", Long.toString(intervalMs));
                if (instanceNo >= 0) {
                    m.put("CRM_meta_clone", Integer.toString(instanceNo));
                }
                params = ActionParams.of(base, m);
            }
            cached = new Params(params, timeout);
            paramCache.put(k, cached);
        }
        return cached;
    }

    /** Timeout of an operation: its definition, op_defaults, else 20 s. */
    long timeoutMs(String task, long intervalMs) {
        Operation op = findOp(task, intervalMs);
        if (op != null && ctx.timeout(op) > 0) {
            return ctx.timeout(op);
        }
        return ctx.defaultTimeoutMs();
    }

    Operation findOp(String task, long intervalMs) {
        for (Operation op : config.operations()) {
            if (task.equals(op.name()) && ctx.interval(op) == intervalMs
                    && !"false".equalsIgnoreCase(op.otherAttributes().getOrDefault("enabled", "true"))) {
                return op;
            }
        }
        return null;
    }

    /** The on-fail policy for an operation (Pacemaker's unpack_operation_on_fail with defaults). */
    String onFail(String task, long intervalMs) {
        Operation op = findOp(task, intervalMs);
        String v = op == null ? null : op.onFail();
        if (v == null && op != null) {
            v = op.metaAttributes().unconditional().get("on-fail");
        }
        if (v == null) {
            v = ctx.opDefaults().get("on-fail");
        }
        if ("stop".equals(task) && v != null && (v.equals("standby") || v.equals("demote") || v.equals("stop"))) {
            v = null;
        }
        if ("demote".equals(task) && v == null) {
            for (Operation o : config.operations()) {
                if (o.onFail() != null && "monitor".equals(o.name()) && Role.parse(o.role()) == Role.PROMOTED
                        && ctx.interval(o) > 0 && !"demote".equals(o.onFail())) {
                    v = o.onFail();
                    break;
                }
            }
        }
        if (v != null) {
            v = v.toLowerCase(java.util.Locale.ROOT);
            if (v.equals("fence") && !ctx.stonithEnabled) {
                return "stop";
            }
            if (v.equals("nothing")) {
                return "ignore";
            }
            if (List.of("block", "fence", "standby", "ignore", "migrate", "stop", "restart", "demote").contains(v)) {
                return v;
            }
        }
        if ("stop".equals(task)) {
            return ctx.stonithEnabled ? "fence" : "block";
        }
        return "restart";
    }

    // ---- output -------------------------------------------------------------------------------

    @Override
    void summarize(List<SummaryLine> out) {
        Summaries.primitive(this, out);
    }

    @Override
    void collectFinal(Map<String, List<Placement>> out) {
        List<Placement> placed = FinalState.of(this);
        if (orphan && placed.isEmpty()) {
            return; // a stopped orphan is gone from the cluster's view
        }
        out.computeIfAbsent(baseId(), k -> new ArrayList<>()).addAll(placed);
    }

    boolean promotableRoleNames() {
        return inPromotable();
    }

    static boolean enabled(Operation op) {
        return Truth.parse(op.otherAttributes().get("enabled")).orElse(true);
    }
}
