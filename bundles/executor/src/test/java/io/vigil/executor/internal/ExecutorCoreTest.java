package io.vigil.executor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorCoreTest {

    private static final AgentId TEST = AgentId.parse("ocf:test:Scripted");

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    /** An agent whose behaviour per action is given by a function. */
    private static ResourceAgent agent(Function<ActionRequest, AgentResult> behaviour) {
        return new ResourceAgent() {
            @Override
            public AgentMetadata metadata() {
                return new AgentMetadata("Scripted", "1", "", "", List.of(), List.of());
            }

            @Override
            public AgentResult execute(ActionRequest request) {
                return behaviour.apply(request);
            }
        };
    }

    private ExecutorCore core(ResourceAgent agent) {
        return new ExecutorCore(id -> id.equals(TEST) ? Optional.of(agent) : Optional.empty(),
                new NodeEnvironment("n1", Path.of("/tmp")), workers, timer, Clock.systemUTC());
    }

    private static OperationRequest op(String rsc, AgentAction action, long intervalMs, long timeoutMs) {
        return new OperationRequest(rsc, TEST, action, Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs),
                Map.of(), Map.of(), "");
    }

    private static OperationResult get(java.util.concurrent.CompletionStage<OperationResult> s) throws Exception {
        return s.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void operationsOnOneResourceRunOneAtATimeInOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        List<String> order = new CopyOnWriteArrayList<>();
        ExecutorCore c = core(agent(r -> {
            if (running.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            order.add(r.action().ocfName());
            sleep(50);
            running.decrementAndGet();
            return AgentResult.success();
        }));
        var a = c.execute(op("r1", AgentAction.START, 0, 5000));
        var b = c.execute(op("r1", AgentAction.MONITOR, 0, 5000));
        var d = c.execute(op("r1", AgentAction.STOP, 0, 5000));
        assertTrue(get(a).result().isSuccess() && get(b).result().isSuccess() && get(d).result().isSuccess());
        assertFalse(overlapped.get(), "two operations of one resource overlapped");
        assertEquals(List.of("start", "monitor", "stop"), order);
        assertTrue(get(a).callId() < get(b).callId() && get(b).callId() < get(d).callId());
    }

    @Test
    void differentResourcesRunInParallel() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        ExecutorCore c = core(agent(r -> {
            both.countDown();
            try {
                // each waits for the other: only completes if they run at the same time
                return both.await(10, TimeUnit.SECONDS) ? AgentResult.success()
                        : AgentResult.error(OcfExitCode.ERR_GENERIC, "ran alone");
            } catch (InterruptedException e) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "interrupted");
            }
        }));
        var a = c.execute(op("r1", AgentAction.START, 0, 15000));
        var b = c.execute(op("r2", AgentAction.START, 0, 15000));
        assertTrue(get(a).result().isSuccess(), get(a).result().output());
        assertTrue(get(b).result().isSuccess(), get(b).result().output());
    }

    @Test
    void aTimeoutInterruptsTheAgentAndTheLaneMovesOn() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        ExecutorCore c = core(agent(r -> {
            if (r.action() == AgentAction.START) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
            return AgentResult.success();
        }));
        OperationResult start = get(c.execute(op("r1", AgentAction.START, 0, 200)));
        assertEquals(ExecStatus.TIMED_OUT, start.result().status());
        assertTrue(start.result().output().contains("timed out after 200 ms"), start.result().output());
        assertTrue(get(c.execute(op("r1", AgentAction.STOP, 0, 5000))).result().isSuccess());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!interrupted.get() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(interrupted.get(), "the agent thread was interrupted");
    }

    @Test
    void agentFailuresBecomeResults() throws Exception {
        ExecutorCore c = core(agent(r -> {
            throw new IllegalStateException("boom");
        }));
        OperationResult thrown = get(c.execute(op("r1", AgentAction.START, 0, 5000)));
        assertEquals(ExecStatus.ERROR, thrown.result().status());
        assertTrue(thrown.result().output().contains("boom"));
        OperationResult missing = get(c.execute(new OperationRequest("r2", AgentId.parse("ocf:x:Missing"),
                AgentAction.START, Duration.ZERO, Duration.ofSeconds(5), Map.of(), Map.of(), "t1")));
        assertEquals(ExecStatus.NOT_INSTALLED, missing.result().status());
        assertTrue(missing.result().output().contains("ocf:x:Missing is not installed on node n1"));
        assertEquals("t1", missing.request().tag());
        ExecutorCore nulls = core(agent(r -> null));
        assertEquals(ExecStatus.ERROR, get(nulls.execute(op("r3", AgentAction.STOP, 0, 5000))).result().status());
    }

    @Test
    void recurringMonitorsReportTheFirstResultAndThenOnlyChanges() throws Exception {
        Map<String, OcfExitCode> state = new ConcurrentHashMap<>(Map.of("r1", OcfExitCode.SUCCESS));
        AtomicInteger runs = new AtomicInteger();
        ExecutorCore c = core(agent(r -> {
            runs.incrementAndGet();
            return AgentResult.of(state.get(r.resourceId()), "");
        }));
        BlockingQueue<OperationResult> reported = new LinkedBlockingQueue<>();
        c.addListener(reported::add);
        OperationResult first = get(c.execute(op("r1", AgentAction.MONITOR, 20, 5000)));
        assertEquals(OcfExitCode.SUCCESS, first.result().exitCode());
        assertEquals(first, reported.poll(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(runs.get() >= 5, "the monitor keeps running");
        assertTrue(reported.isEmpty(), "unchanged results are not reported: " + reported);
        state.put("r1", OcfExitCode.NOT_RUNNING);
        OperationResult change = reported.poll(10, TimeUnit.SECONDS);
        assertEquals(OcfExitCode.NOT_RUNNING, change.result().exitCode());
        assertEquals(1, c.recurring().size());
        assertTrue(c.cancel("r1", AgentAction.MONITOR, Duration.ofMillis(20)));
        assertTrue(c.recurring().isEmpty());
        int after = runs.get();
        CompletableFuture<Void> later = new CompletableFuture<>();
        timer.schedule(() -> later.complete(null), 200, TimeUnit.MILLISECONDS);
        later.get(5, TimeUnit.SECONDS);
        assertTrue(runs.get() <= after + 1, "at most the run in progress finishes after cancel");
    }

    @Test
    void cancelAllStopsOnlyThatResourcesMonitors() throws Exception {
        ExecutorCore c = core(agent(r -> AgentResult.success()));
        get(c.execute(op("r1", AgentAction.MONITOR, 1000, 5000)));
        get(c.execute(new OperationRequest("r1", TEST, AgentAction.MONITOR, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Map.of("OCF_CHECK_LEVEL", "20"), Map.of(), "")));
        get(c.execute(op("r2", AgentAction.MONITOR, 1000, 5000)));
        assertEquals(3, c.recurring().size());
        c.cancelAll("r1");
        assertEquals(List.of("r2_monitor_1000"), c.recurring().stream().map(OperationRequest::key).toList());
        c.shutdown();
        assertTrue(c.recurring().isEmpty());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
