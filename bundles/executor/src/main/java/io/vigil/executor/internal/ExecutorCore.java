package io.vigil.executor.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.executor.api.OperationListener;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;
import io.vigil.executor.api.ResourceExecutor;

/**
 * The executor without OSGi: per-resource lanes (one operation at a time per resource, in order), a bounded
 * worker pool across resources, a timeout per run, and recurring operations rescheduled an interval after each
 * run ends.
 */
final class ExecutorCore implements ResourceExecutor {

    private static final System.Logger LOG = System.getLogger(ExecutorCore.class.getName());

    private final Function<AgentId, Optional<ResourceAgent>> agents;
    private final AgentEnvironment environment;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final AtomicLong callIds = new AtomicLong();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final Map<String, Recurring> recurring = new ConcurrentHashMap<>();
    private final List<OperationListener> listeners = new CopyOnWriteArrayList<>();

    ExecutorCore(Function<AgentId, Optional<ResourceAgent>> agents, AgentEnvironment environment,
            ExecutorService workers, ScheduledExecutorService timer, Clock clock) {
        this.agents = agents;
        this.environment = environment;
        this.workers = workers;
        this.timer = timer;
        this.clock = clock;
    }

    @Override
    public CompletionStage<OperationResult> execute(OperationRequest request) {
        if (!request.isRecurring()) {
            return enqueue(request).thenApply(r -> {
                notifyListeners(r);
                return r;
            });
        }
        Recurring r = new Recurring(request);
        Recurring old = recurring.put(request.key(), r);
        if (old != null) {
            old.cancel();
        }
        return r.start();
    }

    @Override
    public boolean cancel(String resourceId, AgentAction action, Duration interval) {
        Recurring r = recurring.remove(resourceId + "_" + action.ocfName() + "_" + interval.toMillis());
        if (r != null) {
            r.cancel();
        }
        return r != null;
    }

    @Override
    public void cancelAll(String resourceId) {
        for (Recurring r : new ArrayList<>(recurring.values())) {
            if (r.request.resourceId().equals(resourceId)) {
                recurring.remove(r.request.key(), r);
                r.cancel();
            }
        }
    }

    @Override
    public List<OperationRequest> recurring() {
        return recurring.values().stream().map(r -> r.request)
                .sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    @Override
    public void addListener(OperationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(OperationListener listener) {
        listeners.remove(listener);
    }

    /** Stops every recurring operation; runs in progress finish (or time out) on their own. */
    void shutdown() {
        recurring.values().forEach(Recurring::cancel);
        recurring.clear();
    }

    private void notifyListeners(OperationResult result) {
        for (OperationListener l : listeners) {
            try {
                l.operationCompleted(result);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "operation listener " + l + " failed on " + result.request()
                        .key(), e);
            }
        }
    }

    // ---- lanes: one run at a time per resource ----

    private final class Lane {
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        boolean busy;
    }

    private CompletableFuture<OperationResult> enqueue(OperationRequest request) {
        CompletableFuture<OperationResult> result = new CompletableFuture<>();
        Runnable task = () -> runOnce(request).whenComplete((r, e) -> {
            result.complete(r);
            laneDone(request.resourceId());
        });
        boolean startNow;
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(request.resourceId(), k -> new Lane());
            startNow = !lane.busy;
            if (startNow) {
                lane.busy = true;
            } else {
                lane.queue.add(task);
            }
        }
        if (startNow) {
            task.run();
        }
        return result;
    }

    private void laneDone(String resourceId) {
        Runnable next;
        synchronized (lanes) {
            Lane lane = lanes.get(resourceId);
            next = lane.queue.poll();
            if (next == null) {
                lane.busy = false;
                lanes.remove(resourceId);
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** One run under a timeout; the returned future always completes normally. */
    private CompletableFuture<OperationResult> runOnce(OperationRequest request) {
        CompletableFuture<OperationResult> done = new CompletableFuture<>();
        long callId = callIds.incrementAndGet();
        try {
            workers.execute(() -> {
                Instant started = clock.instant();
                long t0 = System.nanoTime();
                Thread worker = Thread.currentThread();
                ScheduledFuture<?> watchdog = timer.schedule(() -> {
                    if (done.complete(new OperationResult(request, AgentResult.failed(ExecStatus.TIMED_OUT,
                            request.action().ocfName() + " of " + request.resourceId() + " timed out after "
                                    + request.timeout().toMillis() + " ms"), callId, started, since(t0)))) {
                        worker.interrupt();
                    }
                }, request.timeout().toNanos(), TimeUnit.NANOSECONDS);
                AgentResult r = invoke(request);
                watchdog.cancel(false);
                done.complete(new OperationResult(request, r, callId, started, since(t0)));
                Thread.interrupted(); // a late watchdog interrupt must not leak into the next task
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.complete(new OperationResult(request, AgentResult.failed(ExecStatus.NOT_CONNECTED,
                    "the executor is shutting down"), callId, clock.instant(), Duration.ZERO));
        }
        return done;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private AgentResult invoke(OperationRequest request) {
        Optional<ResourceAgent> agent = agents.apply(request.agent());
        if (agent.isEmpty()) {
            return AgentResult.failed(ExecStatus.NOT_INSTALLED, "agent " + request.agent() + " is not installed on "
                    + "node " + environment.nodeName());
        }
        try {
            AgentResult r = agent.get().execute(new ActionRequest(request.resourceId(), request.action(),
                    request.parameters(), request.meta(), request.timeout(), request.interval(), environment));
            if (r == null) {
                return AgentResult.failed(ExecStatus.ERROR, "agent " + request.agent() + " returned no result for "
                        + request.key());
            }
            return r;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            LOG.log(System.Logger.Level.WARNING, "agent " + request.agent() + " threw on " + request.key(), e);
            return AgentResult.failed(ExecStatus.ERROR, "agent " + request.agent() + " failed on " + request.key()
                    + ": " + e);
        }
    }

    // ---- recurring operations ----

    private final class Recurring {
        final OperationRequest request;
        volatile boolean cancelled;
        volatile ScheduledFuture<?> next;
        AgentResult last;

        Recurring(OperationRequest request) {
            this.request = request;
        }

        CompletionStage<OperationResult> start() {
            return enqueue(request).thenApply(r -> {
                if (!cancelled) {
                    last = r.result();
                    notifyListeners(r);
                    scheduleNext();
                }
                return r;
            });
        }

        private void scheduleNext() {
            if (cancelled) {
                return;
            }
            try {
                next = timer.schedule(() -> enqueue(request).thenAccept(r -> {
                    if (cancelled) {
                        return;
                    }
                    if (changed(last, r.result())) {
                        notifyListeners(r);
                    }
                    last = r.result();
                    scheduleNext();
                }), request.interval().toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                cancelled = true;
            }
        }

        void cancel() {
            cancelled = true;
            Future<?> n = next;
            if (n != null) {
                n.cancel(false);
            }
        }
    }

    private static boolean changed(AgentResult before, AgentResult now) {
        return before == null || before.status() != now.status() || before.exitCode() != now.exitCode();
    }
}
