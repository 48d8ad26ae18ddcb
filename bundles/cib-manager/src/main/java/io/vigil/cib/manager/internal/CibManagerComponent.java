package io.vigil.cib.manager.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.store.CibStore;
import io.vigil.cib.store.LoadReport;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
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
 * This node's CIB manager (Pacemaker's pacemaker-based): loads the persisted configuration, joins the cluster's
 * copy by state transfer, applies changes in total order, and offers {@link CibService} once it holds the
 * cluster's copy (or knows it is alone).
 */
@Component(immediate = true)
public class CibManagerComponent implements CibService {

    static final String TOPIC = "vigil.cib";
    private static final System.Logger LOG = System.getLogger(CibManagerComponent.class.getName());
    private static final long COMMIT_TIMEOUT_MS = 30_000;
    private static final long JOIN_WAIT_MS = 2_000;

    private final BundleContext context;
    private final ClusterMessaging messaging;
    private final CibStore store;
    private final CibSnapshot loaded;
    private final Replica replica;
    private final Map<String, CompletableFuture<CibSnapshot>> pending = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-cib-timer");
        t.setDaemon(true);
        return t;
    });
    private final List<Registration> registrations;
    private volatile AgentCatalog catalog = AgentCatalog.NONE;
    private ServiceRegistration<CibService> service;

    @Activate
    public CibManagerComponent(BundleContext context, @Reference ClusterMessaging messaging) throws IOException {
        this.context = context;
        this.messaging = messaging;
        String stateDir = context.getProperty("vigil.stateDir");
        this.store = new CibStore(Path.of(stateDir == null ? System.getProperty("java.io.tmpdir") : stateDir)
                .resolve("cib"), 10);
        LoadReport report = store.load();
        report.steps().forEach(s -> LOG.log(report.fellBack() ? System.Logger.Level.WARNING
                : System.Logger.Level.INFO, "CIB store: " + s));
        this.loaded = report.snapshot().orElse(new CibSnapshot(null, Map.of("validate-with", "pacemaker-3.9"),
                null, null));
        // Members apply without agent checks: agents may differ between nodes, and every member must reach the
        // same verdict. The originator checks agents before broadcasting.
        this.replica = new Replica(loaded, new CibChanges(Validator.forChanges(AgentCatalog.NONE)), store::save);
        this.registrations = List.of(
                messaging.subscribe(TOPIC, this::deliver),
                messaging.registerStateProvider(TOPIC, () -> Wire.encodeState(replica.current())),
                messaging.addViewListener(this::viewChanged),
                messaging.registerStateReceiver(TOPIC, this::stateReceived));
        if (messaging.view().size() <= 1) {
            ready("this node is alone in its view");
        } else {
            timer.schedule(() -> ready("no CIB state arrived within " + JOIN_WAIT_MS + " ms"), JOIN_WAIT_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAgentRegistry(AgentRegistry registry) {
        this.catalog = new RegistryCatalog(registry);
    }

    void unsetAgentRegistry(AgentRegistry registry) {
        this.catalog = AgentCatalog.NONE;
    }

    private synchronized void ready(String why) {
        if (service == null) {
            LOG.log(System.Logger.Level.INFO, "CIB " + replica.current().version() + " ready (" + why + ")");
            service = context.registerService(CibService.class, this, null);
            if (messaging.view().size() > 1) {
                offer();
            }
        }
    }

    /** Offers this node's copy to every member; the highest copy wins everywhere (see {@link Replica#offer}). */
    private void offer() {
        messaging.broadcast(TOPIC, Wire.encode(new Wire.Offer(messaging.localNodeName(), replica.current())));
    }

    private synchronized boolean isReady() {
        return service != null;
    }

    @Deactivate
    synchronized void deactivate() {
        if (service != null) {
            service.unregister();
            service = null;
        }
        for (Registration r : registrations) {
            r.close();
        }
        timer.shutdownNow();
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the CIB manager stopped")));
    }

    // ---- CibService ----

    @Override
    public CibSnapshot current() {
        return replica.current();
    }

    @Override
    public CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> changes) {
        CompletableFuture<CibSnapshot> result = new CompletableFuture<>();
        try {
            // Check first here, with this node's agents, so a bad change is refused before it travels.
            new CibChanges(Validator.forChanges(catalog)).apply(replica.current(), base, changes);
        } catch (CibException e) {
            result.completeExceptionally(e);
            return result;
        }
        String id = messaging.localNodeName() + "-" + requestIds.incrementAndGet();
        pending.put(id, result);
        try {
            messaging.broadcast(TOPIC, Wire.encode(new Wire.ChangeRequest(id, messaging.localNodeName(), base,
                    changes)));
        } catch (RuntimeException e) {
            pending.remove(id);
            result.completeExceptionally(e);
            return result;
        }
        timer.schedule(() -> {
            CompletableFuture<CibSnapshot> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(new TimeoutException("CIB change " + id + " was not committed within "
                        + COMMIT_TIMEOUT_MS + " ms: is this node cut off from its cluster?"));
            }
        }, COMMIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return result;
    }

    @Override
    public AutoCloseable addListener(CibListener listener) {
        replica.addListener(listener);
        return () -> replica.removeListener(listener);
    }

    // ---- messaging callbacks (messaging thread, in total order) ----

    private void deliver(ClusterMessage m) {
        if (!m.broadcast()) {
            return;
        }
        Object msg;
        try {
            msg = Wire.decode(m.payload());
        } catch (CibException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a malformed CIB message from " + m.sender() + ": "
                    + e.getMessage());
            return;
        }
        if (msg instanceof Wire.ChangeRequest r) {
            CompletableFuture<CibSnapshot> f = pending.remove(r.id());
            try {
                CibSnapshot after = replica.applyChange(r.base(), r.changes());
                if (f != null) {
                    f.complete(after);
                }
            } catch (CibException e) {
                if (f != null) {
                    f.completeExceptionally(e);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "CIB change " + r.id() + " rejected: " + e.getMessage());
                }
            }
        } else if (msg instanceof Wire.Offer o) {
            replica.offer(o.origin(), o.snapshot());
        }
    }

    private void stateReceived(String provider, byte[] state) {
        CibSnapshot received;
        try {
            received = Wire.decodeState(state);
        } catch (CibException e) {
            LOG.log(System.Logger.Level.ERROR, "CIB state from " + provider + " is unreadable: " + e.getMessage());
            return;
        }
        replica.install(received);
        LOG.log(System.Logger.Level.INFO, "CIB " + received.version() + " received from " + provider);
        if (loaded.version().compareTo(received.version()) > 0) {
            LOG.log(System.Logger.Level.INFO, "offering the newer persisted CIB " + loaded.version()
                    + " to the cluster");
            messaging.broadcast(TOPIC, Wire.encode(new Wire.Offer(messaging.localNodeName(), loaded)));
        }
        ready("state received from " + provider);
    }

    private void viewChanged(MembershipView previous, MembershipView current) {
        boolean joined = previous != null && current.names().stream().anyMatch(n -> !previous.contains(n));
        if ((current.merge() || joined) && isReady()) {
            // Partitions healed or members joined (perhaps with a newer persisted copy, or before this node could
            // hand them its state): every member offers its copy, and the same winner is chosen everywhere.
            offer();
        }
    }
}
