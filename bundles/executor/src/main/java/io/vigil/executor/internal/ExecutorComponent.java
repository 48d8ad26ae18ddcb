package io.vigil.executor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.executor.api.OperationListener;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;
import io.vigil.executor.api.ResourceExecutor;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * This node's executor as a service. Agents are looked up in the {@link AgentRegistry} at each run, so an agent
 * installed or upgraded at runtime is used from its next operation on. Framework properties: {@code vigil.name}
 * (the node), {@code vigil.stateDir} (agents' run directory is {@code <stateDir>/run}),
 * {@code vigil.executor.parallelism} (operations running at once across resources, default 8).
 */
@Component(service = ResourceExecutor.class)
public class ExecutorComponent implements ResourceExecutor {

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ExecutorCore core;

    @Activate
    public ExecutorComponent(BundleContext context, @Reference AgentRegistry registry) throws IOException {
        String node = property(context, "vigil.name", "localhost");
        Path run = Path.of(property(context, "vigil.stateDir", System.getProperty("java.io.tmpdir"))).resolve("run");
        Files.createDirectories(run);
        int parallelism = Integer.parseInt(property(context, "vigil.executor.parallelism", "8"));
        this.workers = Executors.newFixedThreadPool(parallelism, daemons("vigil-executor"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("vigil-executor-timer"));
        this.core = new ExecutorCore(registry::agent, new NodeEnvironment(node, run), workers, timer,
                Clock.systemUTC());
    }

    private static String property(BundleContext context, String name, String dflt) {
        String v = context.getProperty(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        core.shutdown();
        timer.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<OperationResult> execute(OperationRequest request) {
        return core.execute(request);
    }

    @Override
    public boolean cancel(String resourceId, AgentAction action, Duration interval) {
        return core.cancel(resourceId, action, interval);
    }

    @Override
    public void cancelAll(String resourceId) {
        core.cancelAll(resourceId);
    }

    @Override
    public List<OperationRequest> recurring() {
        return core.recurring();
    }

    @Override
    public void addListener(OperationListener listener) {
        core.addListener(listener);
    }

    @Override
    public void removeListener(OperationListener listener) {
        core.removeListener(listener);
    }
}
