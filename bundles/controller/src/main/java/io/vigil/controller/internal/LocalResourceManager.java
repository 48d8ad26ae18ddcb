package io.vigil.controller.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.manager.api.NotDurableException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.executor.api.OperationListener;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;
import io.vigil.executor.api.ResourceExecutor;

/**
 * This node's resource manager (Pacemaker's LRM side of the controller): runs the operations the DC asks for
 * through the executor, records every result in the CIB (with fail counts for failures), and remembers this
 * node's own operation history, which it is the authority for: after a merge or a restart of the cluster's copy it
 * publishes that history again. It can also stop resources on its own, without a DC, when this node must not run
 * them any more (lease lost, shutdown).
 */
final class LocalResourceManager implements OperationListener {

    private static final System.Logger LOG = System.getLogger(LocalResourceManager.class.getName());

    /** One resource's history on this node. */
    private record History(LrmResource resource, Map<String, LrmRscOp> ops) {
    }

    private final String node;
    private final ResourceExecutor executor;
    private final CibService cib;
    private final Clock clock;
    private final ExecutorService recorder;
    private final java.util.function.BooleanSupplier leaseHeld;
    private final Map<String, History> history = new ConcurrentHashMap<>();
    private final Map<String, ExecRequest> requests = new ConcurrentHashMap<>();

    LocalResourceManager(String node, ResourceExecutor executor, CibService cib, Clock clock,
            ExecutorService recorder, java.util.function.BooleanSupplier leaseHeld) {
        this.leaseHeld = leaseHeld;
        this.node = node;
        this.executor = executor;
        this.cib = cib;
        this.clock = clock;
        this.recorder = recorder;
        executor.addListener(this);
    }

    void close() {
        executor.removeListener(this);
    }

    /**
     * Runs one operation the DC asked for. An exclusive resource is started (or promoted) only while this node holds
     * a lease from the DC of a partition that may run resources: a stale DC (this node after a freeze, say) cannot
     * make it run a second copy. Without a lease within a second, the request fails as "not connected", which is
     * not counted as a failure of the resource.
     */
    void execute(ExecRequest r) {
        boolean activates = "start".equals(r.task()) || "promote".equals(r.task()) || "migrate_from".equals(r.task());
        if (activates && ResourceLookup.exclusive(cib.current().configuration(), r.resource()) && !awaitLease()) {
            LOG.log(System.Logger.Level.WARNING, "refusing " + r.operationKey() + " on " + node
                    + ": this node holds no lease from the DC of a partition that may run resources");
            OperationRequest req = new OperationRequest(r.resource(), new AgentId(r.standard(), r.provider(),
                    r.type()), AgentAction.START, Duration.ZERO, Duration.ofMillis(Math.max(1, r.timeoutMs())),
                    Map.of(), Map.of(), r.transitionKey());
            OperationResult refused = new OperationResult(req, io.vigil.api.agent.AgentResult.failed(
                    io.vigil.api.agent.ExecStatus.NOT_CONNECTED, "no lease: " + node + " may not start exclusive "
                            + "resources now"), 0, clock.instant(), Duration.ZERO);
            recorder.execute(() -> record(r, refused));
            return;
        }
        executeNow(r);
    }

    private boolean awaitLease() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!leaseHeld.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void executeNow(ExecRequest r) {
        if ("cancel".equals(r.task())) {
            executor.cancel(r.resource(), AgentAction.MONITOR, Duration.ofMillis(r.intervalMs()));
            forget(r.resource(), r.resource() + "_monitor_" + r.intervalMs());
            return;
        }
        if ("stop".equals(r.task())) {
            cancelMonitors(r.resource());
        }
        Optional<AgentAction> action = AgentAction.fromOcfName(r.task());
        if (action.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "ignoring request for unknown task " + r.task() + " on "
                    + r.resource());
            return;
        }
        AgentId agent = new AgentId(r.standard(), r.provider(), r.type());
        Map<String, String> meta = new java.util.TreeMap<>();
        r.params().forEach((k, v) -> {
            if (k.startsWith("CRM_meta_")) {
                meta.put(k.substring("CRM_meta_".length()), v);
            }
        });
        Map<String, String> params = new java.util.TreeMap<>(r.params());
        params.keySet().removeIf(k -> k.startsWith("CRM_meta_"));
        OperationRequest req = new OperationRequest(r.resource(), agent, action.get(),
                Duration.ofMillis(r.intervalMs()), Duration.ofMillis(Math.max(1, r.timeoutMs())), params, meta,
                r.transitionKey());
        requests.put(req.tag() + "|" + req.key(), r);
        executor.execute(req);
    }

    private void cancelMonitors(String resource) {
        executor.cancelAll(resource);
        History h = history.get(resource);
        if (h != null) {
            h.ops().keySet().removeIf(id -> id.startsWith(resource + "_monitor_"));
        }
    }

    @Override
    public void operationCompleted(OperationResult result) {
        ExecRequest r = result.request().isRecurring() ? requests.get(result.request().tag() + "|"
                + result.request().key()) : requests.remove(result.request().tag() + "|" + result.request().key());
        if (r == null) {
            return; // an operation this node started on its own (see stopLocally) records itself
        }
        recorder.execute(() -> record(r, result));
    }

    /** Records a result in the CIB; runs on the single recorder thread, so fail counts add up. */
    private void record(ExecRequest r, OperationResult result) {
        boolean ok = OperationRecord.expected(r, result);
        List<CibChange> changes = new ArrayList<>();
        LrmResource rsc = new LrmResource(r.resource(), r.standard(), r.provider(), r.type(), Map.of(), List.of());
        LrmRscOp op = OperationRecord.build(node, r, result, false);
        remember(rsc, op);
        changes.add(new CibChange.RecordOperation(node, rsc, op));
        if (!ok) {
            LrmRscOp failure = OperationRecord.build(node, r, result, true);
            remember(rsc, failure);
            changes.add(new CibChange.RecordOperation(node, rsc, failure));
            changes.addAll(failCountChanges(r, result));
        }
        if ("stop".equals(r.task()) && ok) {
            // monitors of a stopped resource are history
            for (String id : monitorIds(r.resource())) {
                changes.add(new CibChange.DeleteOperationHistory(node, r.resource(), id));
            }
        }
        apply(changes, "result of " + r.operationKey());
    }

    private List<String> monitorIds(String resource) {
        CibSnapshot s = cib.current();
        return s.status().nodeByName(node).flatMap(n -> n.lrmResource(resource)).map(l -> l.ops().stream()
                .map(LrmRscOp::id).filter(id -> id != null && id.startsWith(resource + "_monitor_")).toList())
                .orElse(List.of());
    }

    private List<CibChange> failCountChanges(ExecRequest r, OperationResult result) {
        if (r.isProbe() && OperationRecord.rc(result) == 7
                || result.result().status() == io.vigil.api.agent.ExecStatus.NOT_CONNECTED) {
            return List.of();
        }
        String suffix = r.resource() + "#" + r.task() + "_" + r.intervalMs();
        boolean fatal = "start".equals(r.task()) && cib.current().configuration().properties().startFailureIsFatal();
        // incremented where the change is applied, so no increment is lost whatever else was committed meanwhile
        return List.of(new CibChange.IncrementTransientAttribute(node, "fail-count-" + suffix,
                fatal ? "INFINITY" : "1"),
                new CibChange.SetTransientAttribute(node, "last-failure-" + suffix,
                        Long.toString(clock.instant().getEpochSecond())));
    }

    private void remember(LrmResource rsc, LrmRscOp op) {
        History h = history.computeIfAbsent(rsc.id(), k -> new History(rsc, new ConcurrentHashMap<>()));
        h.ops().put(op.id(), op);
    }

    private void forget(String resource, String opId) {
        History h = history.get(resource);
        if (h != null) {
            h.ops().remove(opId);
        }
        recorder.execute(() -> apply(List.of(new CibChange.DeleteOperationHistory(node, resource, opId)),
                "cancel of " + opId));
    }

    /**
     * Sends changes without waiting: the messaging layer keeps one node's changes in order, and a change lost to a
     * partition is made good by {@link #join} after the next view change.
     */
    private java.util.concurrent.CompletionStage<CibSnapshot> apply(List<CibChange> changes, String what) {
        return cib.apply(changes).whenComplete((s, e) -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            if (cause instanceof NotDurableException) {
                // expected while this partition lacks quorum: the next join records it in the cluster's copy
                LOG.log(System.Logger.Level.DEBUG, "the " + what + " is recorded in this partition only");
            } else if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "could not record the " + what + " in the CIB: " + e);
            }
        });
    }

    /**
     * Joins the current membership view (Pacemaker's join round): replaces this node's operation history in the
     * CIB with what this node knows — a restarted node knows nothing, so the DC probes; after partitions merged,
     * the winning copy of the CIB may lack what happened here — and marks the node joined to {@code viewId} in the
     * same change. The DC schedules only once every member has joined its view.
     *
     * <p>Until this process has joined a view {@code withOthers} (so the change lands in the cluster's CIB, not in
     * a copy a state transfer replaces), the join also erases this node's transient attributes, as Pacemaker's
     * controller does on start: what an earlier run of the node left (the standby of its graceful shutdown, a
     * stale pingd) must not outlive it.
     */
    void join(String nodeId, long viewId, boolean withOthers) {
        recorder.execute(() -> {
            List<CibChange> changes = new ArrayList<>();
            changes.add(new CibChange.SetNodeState(nodeId, node, Map.of(JOINED_VIEW, Long.toString(viewId))));
            boolean erase = transientsOfEarlierRun;
            if (erase) {
                changes.add(new CibChange.ClearTransientAttributes(node));
            }
            changes.add(new CibChange.DeleteOperationHistory(node, null, null));
            for (History h : history.values()) {
                for (LrmRscOp op : h.ops().values()) {
                    changes.add(new CibChange.RecordOperation(node, h.resource(), op));
                }
            }
            apply(changes, "join of " + node + " to view " + viewId).thenRun(() -> {
                if (erase && withOthers) {
                    transientsOfEarlierRun = false;
                }
            });
        });
    }

    /** Whether this node's transient attributes in the CIB may still be an earlier run's (see join). */
    private volatile boolean transientsOfEarlierRun = true;

    /**
     * A commit took a resource's whole history on this node out of the CIB: a cleanup or refresh (Pacemaker's
     * controller forgets such a resource too). This node forgets its failures, so the next join does not publish
     * them again; a resource it runs keeps only the record that says so (the DC probes it anyway), so this node
     * still knows what it must stop should it lose its lease.
     */
    void cibCommitted(CibSnapshot before, CibSnapshot after) {
        Optional<NodeState> was = before.status().nodeByName(node);
        if (was.isEmpty()) {
            return;
        }
        Optional<NodeState> is = after.status().nodeByName(node);
        List<String> cleaned = new ArrayList<>();
        for (LrmResource r : was.get().lrmResources()) {
            if (history.containsKey(r.id()) && is.flatMap(n -> n.lrmResource(r.id())).isEmpty()) {
                cleaned.add(r.id());
            }
        }
        if (cleaned.isEmpty()) {
            return;
        }
        recorder.execute(() -> {
            for (String rsc : cleaned) {
                if (activeResources(rsc::equals).isEmpty()) {
                    history.remove(rsc);
                } else {
                    History h = history.get(rsc);
                    h.ops().keySet().removeIf(id -> !id.equals(rsc + "_last_0"));
                }
            }
        });
    }

    /** The node_state attribute in which a node says which membership view it has joined. */
    static final String JOINED_VIEW = "vigil-joined-view";

    /** The resources this node believes active, from its own history. */
    List<String> activeResources(Predicate<String> filter) {
        List<String> active = new ArrayList<>();
        for (Map.Entry<String, History> e : history.entrySet()) {
            LrmRscOp last = e.getValue().ops().get(e.getKey() + "_last_0");
            if (last == null || !filter.test(e.getKey())) {
                continue;
            }
            int rc = last.rcCode();
            String op = last.operation();
            boolean running = ("start".equals(op) || "promote".equals(op) || "demote".equals(op)
                    || "migrate_from".equals(op)) && rc == 0 || "monitor".equals(op) && (rc == 0 || rc == 8)
                    || "promote".equals(op) && rc == 8;
            if (running) {
                active.add(e.getKey());
            }
        }
        active.sort(null);
        return active;
    }

    /**
     * Stops resources on this node's own authority, now, and records the stops when the CIB can take them.
     * Returns when every stop finished (or timed out).
     */
    void stopLocally(List<String> resources, String why) {
        for (String rsc : resources) {
            LOG.log(System.Logger.Level.WARNING, "stopping " + rsc + " on " + node + ": " + why);
        }
        awaitStops(beginStops(resources), why);
    }

    /**
     * Hands the stops of {@code resources} to the executor at once, on the caller's thread, before anything else
     * (logging included): a copy that must not run here stops as early as possible. Each stop is recorded when done.
     */
    List<CompletableFuture<OperationResult>> beginStops(List<String> resources) {
        List<CompletableFuture<OperationResult>> stops = new ArrayList<>();
        for (String rsc : resources) {
            History h = history.get(rsc);
            if (h == null) {
                continue;
            }
            cancelMonitors(rsc);
            LrmResource l = h.resource();
            ExecRequest r = new ExecRequest("0:0:0:" + node, rsc, l.standard(), l.provider(), l.type(), "stop", 0,
                    20_000, 0, Map.of());
            OperationRequest req = new OperationRequest(rsc, new AgentId(l.standard(), l.provider(), l.type()),
                    AgentAction.STOP, Duration.ZERO, Duration.ofSeconds(20), parametersOf(rsc), Map.of(), "");
            stops.add(executor.execute(req).toCompletableFuture().whenComplete((res, e) -> {
                if (res != null) {
                    remember(l, OperationRecord.build(node, r, res, false));
                    recorder.execute(() -> apply(List.of(new CibChange.RecordOperation(node, l,
                            OperationRecord.build(node, r, res, false))), "local stop of " + rsc));
                }
            }));
        }
        return stops;
    }

    /** Waits for stops begun by {@link #beginStops} (up to 30 s), and says when they did not all finish. */
    void awaitStops(List<CompletableFuture<OperationResult>> stops, String why) {
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "local stops on " + node + " (" + why + ") did not all finish within "
                    + "30 s: " + e + "; check the resource agents' stop actions");
        }
    }

    /** The instance attributes of a resource, from this node's copy of the configuration. */
    private Map<String, String> parametersOf(String rsc) {
        String base = rsc.contains(":") ? rsc.substring(0, rsc.indexOf(':')) : rsc;
        return cib.current().configuration().resource(base)
                .filter(r -> r instanceof io.vigil.cib.model.Primitive)
                .map(r -> ((io.vigil.cib.model.Primitive) r).instanceAttributes().unconditional())
                .orElse(Map.of());
    }
}
