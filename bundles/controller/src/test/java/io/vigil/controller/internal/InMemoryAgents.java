package io.vigil.controller.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.executor.api.OperationListener;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;
import io.vigil.executor.api.ResourceExecutor;

/**
 * One test node's executor with Dummy-like agents held in memory: start makes a resource active, stop inactive,
 * a monitor reports which. It stands in for the executor bundle and its agent processes, which need a running
 * node; results are delivered at once. Tests break a resource behind the cluster's back ({@link #lose}) and fire
 * its recurring monitor ({@link #fireMonitors}), or make starts fail ({@link #failStarts}).
 */
final class InMemoryAgents implements ResourceExecutor {

    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Set<String> failingStarts = new HashSet<>();
    private final Set<String> failingStops = new HashSet<>();
    private final Map<String, OperationRequest> recurring = new ConcurrentHashMap<>();
    private final List<OperationListener> listeners = new CopyOnWriteArrayList<>();
    /** Every operation run, as "resource task interval", in order. */
    final List<String> log = new CopyOnWriteArrayList<>();
    private long callId;

    boolean isActive(String resource) {
        return active.contains(resource);
    }

    /** The resource stops behind the cluster's back (its process died). */
    void lose(String resource) {
        active.remove(resource);
    }

    /** The node was powered off: nothing runs there any more. */
    void stopAll() {
        active.clear();
        recurring.clear();
    }

    void failStarts(String resource) {
        failingStarts.add(resource);
    }

    /** Starts of {@code resource} work again (the cause of the failures was repaired). */
    void repairStarts(String resource) {
        failingStarts.remove(resource);
    }

    /** Stops of {@code resource} fail and leave it running (until {@link #repairStops}). */
    void failStops(String resource) {
        failingStops.add(resource);
    }

    void repairStops(String resource) {
        failingStops.remove(resource);
    }

    /** Runs every recurring monitor once, as its interval would. */
    void fireMonitors() {
        for (OperationRequest r : List.copyOf(recurring.values())) {
            complete(r);
        }
    }

    @Override
    public CompletionStage<OperationResult> execute(OperationRequest request) {
        log.add(request.resourceId() + " " + request.action() + " " + request.interval().toMillis());
        switch (request.action()) {
            case START -> {
                if (!failingStarts.contains(request.resourceId())) {
                    active.add(request.resourceId());
                }
            }
            case STOP -> {
                if (!failingStops.contains(request.resourceId())) {
                    active.remove(request.resourceId());
                }
            }
            default -> {
            }
        }
        if (request.isRecurring()) {
            recurring.put(request.key(), request);
        }
        return CompletableFuture.completedFuture(complete(request));
    }

    private OperationResult complete(OperationRequest request) {
        boolean up = active.contains(request.resourceId());
        AgentResult result = switch (request.action()) {
            case START -> up ? AgentResult.success() : AgentResult.error(OcfExitCode.ERR_GENERIC, "start failed");
            case MONITOR -> up ? AgentResult.success() : AgentResult.notRunning("not running");
            case STOP -> up ? AgentResult.error(OcfExitCode.ERR_GENERIC, "stop failed") : AgentResult.success();
            default -> AgentResult.success();
        };
        OperationResult r = new OperationResult(request, result, ++callId, Instant.now(), Duration.ZERO);
        listeners.forEach(l -> l.operationCompleted(r));
        return r;
    }

    @Override
    public boolean cancel(String resourceId, AgentAction action, Duration interval) {
        return recurring.values().removeIf(r -> r.resourceId().equals(resourceId) && r.action() == action
                && r.interval().equals(interval));
    }

    @Override
    public void cancelAll(String resourceId) {
        recurring.values().removeIf(r -> r.resourceId().equals(resourceId));
    }

    @Override
    public List<OperationRequest> recurring() {
        return new ArrayList<>(recurring.values());
    }

    @Override
    public void addListener(OperationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(OperationListener listener) {
        listeners.remove(listener);
    }
}
