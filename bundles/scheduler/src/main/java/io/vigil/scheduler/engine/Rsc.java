package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource at scheduling time. Variants (primitive, group, clone) implement one method per stage:
 * {@link #assign}, {@link #createActions}, {@link #internalConstraints}, {@link #summarize}, {@link #collectFinal}.
 */
abstract class Rsc {
    final Engine ctx;
    final String id;
    final Rsc parent;
    final Map<String, String> meta;
    Weights allowed;
    int priority;
    int stickiness;
    int migrationThreshold = Scores.INF;
    long failureTimeoutMs;
    boolean managed = true;
    boolean critical = true;
    boolean notify;
    String multipleActive = "stop_start";

    /** The configured target-role as the scheduler applies it (cached: meta does not change). */
    Role targetRole;
    Role role = Role.STOPPED;
    Role nextRole = Role.UNKNOWN;
    final List<SNode> runningOn = new ArrayList<>();
    final NodeSet knownOn = new NodeSet();
    boolean failed;
    boolean stopFlag;
    boolean block;
    boolean orphan;
    boolean startPending;
    boolean failureIgnored;

    boolean provisional = true;
    boolean allocating;
    boolean merging;
    SNode allocatedTo;

    /** Colocations where this resource is the dependent ("this with"). */
    final List<Colocation> thisWith = new ArrayList<>();
    /** Colocations where this resource is the primary ("with this"). */
    final List<Colocation> withThis = new ArrayList<>();

    final List<Act> actions = new ArrayList<>();
    /** Actions by task (with interval for recurring ones): slot 0 node-less, slot i+1 on node index i. */
    private final Map<String, Act[]> actionIndex = new HashMap<>(4);
    private final Map<String, String> actionKeys = new HashMap<>(4);
    String explanation;

    Rsc(Engine ctx, String id, Rsc parent, Map<String, String> meta) {
        this.ctx = ctx;
        this.id = id;
        this.parent = parent;
        this.meta = meta;
        this.allowed = new Weights(ctx.nodes.size());
    }

    abstract List<Rsc> children();

    /** Variant rank for Pacemaker's sort orders: primitive 0, group 1, clone 2. */
    abstract int variantRank();

    boolean isPromotable() {
        return false;
    }

    Rsc top() {
        Rsc r = this;
        while (r.parent != null) {
            r = r.parent;
        }
        return r;
    }

    private List<PrimitiveRsc> primitives;

    /** Every primitive inside (or this); the tree is fixed once unpacked, so the list is computed once. */
    List<PrimitiveRsc> primitives() {
        if (primitives == null) {
            List<PrimitiveRsc> out = new ArrayList<>();
            collectPrimitives(out);
            primitives = java.util.Collections.unmodifiableList(out);
        }
        return primitives;
    }

    void collectPrimitives(List<PrimitiveRsc> out) {
        for (Rsc c : children()) {
            c.collectPrimitives(out);
        }
    }

    SNode currentNode() {
        return runningOn.isEmpty() ? null : runningOn.get(0);
    }

    // ---- stage: location ------------------------------------------------------------------------

    /** resource_location: apply a score for one node (or all nodes when node is null). */
    void addLocation(SNode node, int score) {
        if (node == null) {
            for (SNode n : ctx.nodes) {
                addOne(n, score);
            }
        } else {
            addOne(node, score);
        }
    }

    private void addOne(SNode n, int score) {
        if (!allowed.has(n)) {
            allowed.set(n, n.online && !n.shutdown ? 0 : -Scores.INF);
        }
        allowed.set(n, Scores.add(allowed.get(n), score));
    }

    /** Applies a location constraint score to this resource (groups and clones pass it on). */
    void applyLocation(SNode node, int score, Role role) {
        addLocation(node, score);
    }

    // ---- stage: assignment ----------------------------------------------------------------------

    abstract SNode assign(SNode prefer);

    /** Apply the colocation's effect on {@code dependent}'s scores, on behalf of this primary. */
    abstract void applyColocAsPrimary(Rsc dependent, Colocation c);

    /** rsc_colocation_lh: apply a colocation where this (already assigned) resource is the dependent. */
    void applyColocAsDependent(Colocation c) {
        if (this instanceof GroupRsc g) {
            if (!g.members.isEmpty()) {
                g.members.get(0).applyColocAsDependent(c);
            }
            return;
        }
        c.primary().applyColocAsPrimary(this, c);
    }

    // ---- stage: actions -------------------------------------------------------------------------

    abstract void createActions();

    abstract void internalConstraints();

    Act findAction(String task, SNode node) {
        Act[] slots = actionIndex.get(task);
        return slots == null ? null : slots[node == null ? 0 : node.index + 1];
    }

    /** custom_action: find or create; a required request clears the optional flag. */
    Act action(String task, SNode node, boolean optional) {
        return action(task, node, optional, 0);
    }

    Act action(String task, SNode node, boolean optional, long intervalMs) {
        String k = intervalMs == 0 ? task : task + "_" + intervalMs;
        Act[] slots = actionIndex.get(k);
        if (slots == null) {
            slots = new Act[ctx.nodes.size() + 1];
            actionIndex.put(k, slots);
        }
        int slot = node == null ? 0 : node.index + 1;
        Act a = slots[slot];
        if (a == null) {
            // the key is the same on every node: share the string
            String key = actionKeys.get(k);
            if (key == null) {
                key = id + "_" + task + "_" + intervalMs;
                actionKeys.put(k, key);
            }
            a = ctx.graph.newAction(key, task, this, node, intervalMs);
            slots[slot] = a;
            actions.add(a);
            ctx.graph.initRunnable(a);
        }
        if (!optional) {
            a.optional = false;
        }
        return a;
    }

    List<Act> actionsFor(String task) {
        List<Act> out = new ArrayList<>();
        for (Act a : actions) {
            if (a.task.equals(task) && a.intervalMs == 0) {
                out.add(a);
            }
        }
        return out;
    }

    // ---- stage: output ---------------------------------------------------------------------------

    abstract void summarize(List<io.vigil.scheduler.SummaryLine> out);

    /** Adds (node, role) placements after the transition, keyed by the base id. */
    abstract void collectFinal(Map<String, List<io.vigil.scheduler.Placement>> out);

    @Override
    public String toString() {
        return id;
    }
}
