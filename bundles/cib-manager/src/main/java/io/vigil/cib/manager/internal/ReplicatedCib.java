package io.vigil.cib.manager.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.Registration;

/**
 * The replicated CIB of one member over any {@link ClusterMessaging}, without OSGi: joins the cluster's copy by
 * state transfer, sends changes as totally ordered broadcasts that every member applies through its
 * {@link Replica}, and offers its whole copy after joins and merges so that the same copy wins everywhere (the
 * one changed most recently in a quorate view, then the highest version).
 * {@link CibManagerComponent} runs one per node; tests run several in one JVM over real channels.
 */
final class ReplicatedCib implements CibService, AutoCloseable {

    static final String TOPIC = "vigil.cib";
    private static final System.Logger LOG = System.getLogger(ReplicatedCib.class.getName());
    private static final long[] REOFFER_MS = {1000, 3000};

    private final ClusterMessaging messaging;
    private final Replica.Copy loaded;
    private final Replica replica;
    private final Supplier<AgentCatalog> catalog;
    private final Consumer<String> onReady;
    private final long commitTimeoutMs;
    private final CommitTracker commits;
    private final DurabilityQuorum quorum;
    private final AtomicLong requestIds = new AtomicLong();
    private final long incarnation = System.currentTimeMillis();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-cib-timer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-cib-commit");
        t.setDaemon(true);
        return t;
    });
    private volatile List<Registration> registrations = List.of();
    private boolean ready;

    /**
     * @param loaded the persisted copy this node starts from, with its quorate version if one was recorded
     * @param persistence makes a configuration durable before it counts as committed here
     * @param catalog this node's agents, checked by the originator before a change travels
     * @param onReady called once (with the reason) when this node holds the cluster's copy or knows it is alone
     * @param quorum the votes a change must be persisted by before it is acknowledged
     */
    ReplicatedCib(ClusterMessaging messaging, Replica.Copy loaded, Replica.Persistence persistence,
            Supplier<AgentCatalog> catalog, Consumer<String> onReady, long commitTimeoutMs, DurabilityQuorum quorum) {
        this.messaging = messaging;
        this.loaded = loaded;
        this.catalog = catalog;
        this.onReady = onReady;
        this.commitTimeoutMs = commitTimeoutMs;
        this.quorum = quorum;
        this.commits = new CommitTracker(messaging.localNodeName(), messaging.view(), quorum);
        // Members apply without agent checks: agents may differ between nodes, and every member must reach the
        // same verdict. The originator checks agents before broadcasting.
        this.replica = new Replica(loaded, new CibChanges(Validator.forChanges(AgentCatalog.NONE)), persistence,
                committer);
    }

    /** Subscribes and joins; {@code onReady} follows at once when alone, else on state or after {@code joinWaitMs}. */
    void start(long joinWaitMs) {
        registrations = List.of(
                messaging.subscribe(TOPIC, this::deliver),
                messaging.registerStateProvider(TOPIC, () -> Wire.encodeState(replica.copy())),
                messaging.addViewListener(this::viewChanged),
                messaging.registerStateReceiver(TOPIC, this::stateReceived));
        if (messaging.view().size() <= 1) {
            ready("this node is alone in its view");
        } else {
            timer.schedule(() -> ready("no CIB state arrived within " + joinWaitMs + " ms"), joinWaitMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void ready(String why) {
        synchronized (this) {
            if (ready) {
                return;
            }
            ready = true;
        }
        LOG.log(System.Logger.Level.INFO, "CIB " + replica.applied().version() + " ready (" + why + ")");
        onReady.accept(why);
        if (messaging.view().size() > 1) {
            offer();
        }
    }

    synchronized boolean isReady() {
        return ready;
    }

    private void offerIfReady() {
        try {
            if (isReady() && messaging.view().size() > 1) {
                offer();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "CIB re-offer failed: " + e);
        }
    }

    /** Offers this node's copy to every member; the highest copy wins everywhere (see {@link Replica#offer}). */
    private void offer() {
        messaging.broadcast(TOPIC, Wire.encode(new Wire.Offer(messaging.localNodeName(), replica.copy())));
    }

    @Override
    public void close() {
        for (Registration r : registrations) {
            r.close();
        }
        timer.shutdownNow();
        committer.shutdown();
        commits.failAll(new IllegalStateException("the CIB manager stopped"));
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
            new CibChanges(Validator.forChanges(catalog.get())).apply(replica.current(), base, changes);
        } catch (CibException | RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        // Unique across restarts of this node too, so a late acknowledgement never completes a newer change.
        String id = messaging.localNodeName() + "-" + incarnation + "-" + requestIds.incrementAndGet();
        commits.expect(id, result);
        try {
            messaging.broadcast(TOPIC, Wire.encode(new Wire.ChangeRequest(id, messaging.localNodeName(), base,
                    changes)));
        } catch (RuntimeException e) {
            commits.rejected(id, e);
            return result;
        }
        timer.schedule(() -> commits.timedOut(id, commitTimeoutMs), commitTimeoutMs, TimeUnit.MILLISECONDS);
        return result;
    }

    @Override
    public AutoCloseable addListener(CibListener listener) {
        replica.addListener(listener);
        return () -> replica.removeListener(listener);
    }

    // ---- messaging callbacks (messaging thread, in total order) ----

    private void deliver(ClusterMessage m) {
        Object msg;
        try {
            msg = Wire.decode(m.payload());
        } catch (CibException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a malformed CIB message from " + m.sender() + ": "
                    + e.getMessage());
            return;
        }
        if (!m.broadcast()) {
            if (msg instanceof Wire.Ack a) {
                commits.acknowledged(a.id(), m.sender());
            }
            return;
        }
        if (msg instanceof Wire.ChangeRequest r) {
            boolean mine = commits.isPending(r.id());
            try {
                // persisted here (group commit), then counted here or acknowledged to the originator
                replica.applyChange(r.base(), r.changes(), quorum.holds(messaging.view()), (after, durable) -> {
                    if (mine) {
                        commits.committedHere(r.id(), after, durable);
                    } else if (durable) {
                        acknowledge(r.id(), m.sender());
                    }
                });
            } catch (CibException e) {
                if (mine) {
                    commits.rejected(r.id(), e);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "CIB change " + r.id() + " rejected: " + e.getMessage());
                }
            }
        } else if (msg instanceof Wire.Offer o) {
            replica.offer(o.origin(), o.copy());
        }
    }

    /** Tells the member that broadcast change {@code id} (the authenticated sender) that it is persisted here. */
    private void acknowledge(String id, String sender) {
        if (sender.equals(messaging.localNodeName())) {
            return; // a change this node sent before it restarted: nobody waits for it
        }
        try {
            messaging.send(sender, TOPIC, Wire.encode(new Wire.Ack(id)));
        } catch (RuntimeException e) {
            // the originator left the view: nobody waits for this acknowledgement any more
            LOG.log(System.Logger.Level.DEBUG, "cannot acknowledge CIB change " + id + ": " + e);
        }
    }

    private void stateReceived(String provider, byte[] state) {
        Replica.Copy received;
        try {
            received = Wire.decodeState(state);
        } catch (CibException e) {
            LOG.log(System.Logger.Level.ERROR, "CIB state from " + provider + " is unreadable: " + e.getMessage());
            return;
        }
        replica.install(received);
        CibVersion version = received.snapshot().version();
        LOG.log(System.Logger.Level.INFO, "CIB " + version + " received from " + provider);
        if (loaded.snapshot().version().compareTo(version) > 0) {
            // it wins where its quorate version is the higher (the cluster lost an acknowledged change kept here)
            LOG.log(System.Logger.Level.INFO, "offering the newer persisted CIB " + loaded.snapshot().version()
                    + " (quorate version " + loaded.quorateVersion() + ") to the cluster");
            messaging.broadcast(TOPIC, Wire.encode(new Wire.Offer(messaging.localNodeName(), loaded)));
        }
        ready("state received from " + provider);
    }

    private void viewChanged(MembershipView previous, MembershipView current) {
        commits.viewChanged(current);
        boolean joined = previous != null && current.names().stream().anyMatch(n -> !previous.contains(n));
        if ((current.merge() || joined) && isReady()) {
            // Partitions healed or members joined (perhaps with a newer persisted copy, or before this node could
            // hand them its state): every member offers its copy, and the same winner is chosen everywhere.
            // Offered again a little later: without virtual synchrony a broadcast sent while the merge view is
            // still being installed elsewhere can be lost, and a repeated offer changes nothing once converged.
            offer();
            for (long delay : REOFFER_MS) {
                timer.schedule(this::offerIfReady, delay, TimeUnit.MILLISECONDS);
            }
        }
    }
}
