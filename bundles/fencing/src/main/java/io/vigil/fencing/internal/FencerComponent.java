package io.vigil.fencing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.fence.FenceAction;
import io.vigil.api.fence.FenceAgent;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;
import io.vigil.cib.manager.api.CibService;
import io.vigil.fencing.api.FenceEvent;
import io.vigil.fencing.api.FencingService;
import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.Registration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * This node's fencer (Pacemaker's pacemaker-fenced): runs fence devices configured in the CIB through the
 * installed fence-agent services — hot-installable like resource agents — following the fencing topology, with
 * each device's delay, timeout and retries; keeps the cluster-wide fence history (replicated to every member);
 * and offers every fence agent as a {@code stonith:} resource agent, so fence devices can be started and
 * monitored like resources.
 */
@Component(immediate = true, service = FencingService.class)
public class FencerComponent implements FencingService {

    static final String TOPIC = "vigil.fencing";
    private static final System.Logger LOG = System.getLogger(FencerComponent.class.getName());
    private static final Gson GSON = new Gson();

    private final BundleContext context;
    private final CibService cib;
    private final ClusterMessaging messaging;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, FenceAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<ResourceAgent>> adapters = new ConcurrentHashMap<>();
    private final List<FenceEvent> history = new CopyOnWriteArrayList<>();
    /** Fence requests under way: an identical one joins them. */
    private final MergedRequests<String, FenceEvent> underWay = new MergedRequests<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vigil-fencer");
        t.setDaemon(true);
        return t;
    });
    private final List<Registration> registrations = new ArrayList<>();

    @Activate
    public FencerComponent(BundleContext context, @Reference CibService cib, @Reference ClusterMessaging messaging) {
        this.context = context;
        this.cib = cib;
        this.messaging = messaging;
        registrations.add(messaging.subscribe(TOPIC, this::receive));
        registrations.add(messaging.registerStateProvider(TOPIC, () -> GSON.toJson(encodeHistory())
                .getBytes(StandardCharsets.UTF_8)));
        registrations.add(messaging.registerStateReceiver(TOPIC, (from, state) -> {
            List<Map<String, String>> events = GSON.fromJson(new String(state, StandardCharsets.UTF_8),
                    new TypeToken<List<Map<String, String>>>() { }.getType());
            history.clear();
            events.forEach(e -> history.add(decode(e)));
        }));
        synchronized (this) {
            agents.forEach(this::registerAdapter);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addFenceAgent(FenceAgent agent, Map<String, Object> props) {
        Object name = props.get(FenceAgent.FENCE_AGENT);
        if (name == null) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a fence agent service without the property "
                    + FenceAgent.FENCE_AGENT);
            return;
        }
        agents.put(name.toString(), agent);
        if (context != null) {
            registerAdapter(name.toString(), agent);
        }
        LOG.log(System.Logger.Level.INFO, "fence agent " + name + " installed");
    }

    synchronized void removeFenceAgent(FenceAgent agent, Map<String, Object> props) {
        Object name = props.get(FenceAgent.FENCE_AGENT);
        if (name != null && agents.remove(name.toString(), agent)) {
            ServiceRegistration<ResourceAgent> r = adapters.remove(name.toString());
            if (r != null) {
                r.unregister();
            }
            LOG.log(System.Logger.Level.INFO, "fence agent " + name + " removed");
        }
    }

    private void registerAdapter(String name, FenceAgent agent) {
        if (!adapters.containsKey(name)) {
            adapters.put(name, context.registerService(ResourceAgent.class, new StonithResource(agent),
                    new Hashtable<>(StonithResource.properties(name))));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(Registration::close);
        adapters.values().forEach(ServiceRegistration::unregister);
        adapters.clear();
        runner.shutdownNow();
    }

    // ---- fencing ----

    @Override
    public CompletionStage<FenceEvent> fence(String target, String action) {
        return underWay.submit(target + " " + action, () -> start(target, action), () -> LOG.log(
                System.Logger.Level.INFO, "a request to fence " + target + " (" + action + ") is already under way: "
                        + "merged with it"));
    }

    private CompletableFuture<FenceEvent> start(String target, String action) {
        CompletableFuture<FenceEvent> result = new CompletableFuture<>();
        runner.execute(() -> {
            FenceEvent e = run(target, action);
            history.add(e);
            try {
                messaging.broadcast(TOPIC, GSON.toJson(encode(e)).getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "fence history not shared: " + ex);
            }
            result.complete(e);
        });
        return result;
    }

    private FenceEvent run(String target, String action) {
        List<List<FencePlan.Device>> levels = FencePlan.levels(cib.current(), target, action);
        String me = messaging.localNodeName();
        if (levels.isEmpty()) {
            return event(target, action, me, "", false, "no fence device is configured that can fence " + target);
        }
        List<String> problems = new ArrayList<>();
        for (List<FencePlan.Device> level : levels) {
            List<String> used = new ArrayList<>();
            boolean ok = true;
            for (FencePlan.Device d : level) {
                used.add(d.id());
                Optional<String> problem = runDevice(d, target, action);
                if (problem.isPresent()) {
                    problems.add(problem.get());
                    ok = false;
                    break;
                }
            }
            if (ok) {
                LOG.log(System.Logger.Level.WARNING, target + " fenced (" + action + ") by " + used);
                return event(target, action, me, String.join(",", used), true, "");
            }
        }
        LOG.log(System.Logger.Level.ERROR, "fencing " + target + " failed: " + problems);
        return event(target, action, me, "", false, String.join("; ", problems));
    }

    /** Runs one device with its delay, timeout and retries; empty on success, else what went wrong. */
    private Optional<String> runDevice(FencePlan.Device d, String target, String action) {
        FenceAgent agent = agents.get(d.agent());
        if (agent == null) {
            return Optional.of("device " + d.id() + ": fence agent " + d.agent() + " is not installed on "
                    + messaging.localNodeName());
        }
        long delay = d.delayBaseMs() + (d.delayMaxMs() > d.delayBaseMs()
                ? ThreadLocalRandom.current().nextLong(d.delayMaxMs() - d.delayBaseMs()) : 0);
        try {
            if (delay > 0) {
                Thread.sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        FenceAction fa = FenceAction.fromName(action).orElse(FenceAction.REBOOT);
        String last = "";
        for (int attempt = 0; attempt <= d.retries(); attempt++) {
            Future<FenceResult> f = runner.submit(() -> agent.execute(new FenceRequest(d.id(), fa, d.port(),
                    d.params(), Duration.ofMillis(d.timeoutMs()))));
            try {
                FenceResult r = f.get(d.timeoutMs(), TimeUnit.MILLISECONDS);
                if (r.isSuccess()) {
                    return Optional.empty();
                }
                last = "device " + d.id() + ": " + r.output();
            } catch (TimeoutException e) {
                f.cancel(true);
                last = "device " + d.id() + " timed out after " + d.timeoutMs() + " ms";
            } catch (Exception e) {
                last = "device " + d.id() + " failed: " + e;
            }
        }
        return Optional.of(last);
    }

    private FenceEvent event(String target, String action, String origin, String devices, boolean ok,
            String reason) {
        return new FenceEvent(target, action, origin, messaging.localNodeName(), devices, ok, reason,
                clock.instant());
    }

    @Override
    public List<FenceEvent> history() {
        return List.copyOf(history);
    }

    private void receive(ClusterMessage m) {
        if (!m.broadcast() || m.sender().equals(messaging.localNodeName())) {
            return;
        }
        try {
            Map<String, String> e = GSON.fromJson(new String(m.payload(), StandardCharsets.UTF_8),
                    new TypeToken<Map<String, String>>() { }.getType());
            history.add(decode(e));
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a malformed fence history entry from " + m.sender());
        }
    }

    private List<Map<String, String>> encodeHistory() {
        return history.stream().map(FencerComponent::encode).toList();
    }

    private static Map<String, String> encode(FenceEvent e) {
        return Map.of("target", e.target(), "action", e.action(), "origin", e.origin(), "executioner",
                e.executioner(), "devices", e.devices(), "succeeded", Boolean.toString(e.succeeded()), "reason",
                e.reason(), "completed", e.completed().toString());
    }

    private static FenceEvent decode(Map<String, String> e) {
        return new FenceEvent(e.get("target"), e.get("action"), e.get("origin"), e.get("executioner"),
                e.get("devices"), Boolean.parseBoolean(e.get("succeeded")), e.get("reason"),
                Instant.parse(e.get("completed")));
    }
}
