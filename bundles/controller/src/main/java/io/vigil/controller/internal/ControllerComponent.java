package io.vigil.controller.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.api.attribute.NodeAttributes;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.NodeState;
import io.vigil.executor.api.ResourceExecutor;
import io.vigil.fencing.api.FenceEvent;
import io.vigil.fencing.api.FencingService;
import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.Registration;
import io.vigil.quorum.api.QuorumService;
import io.vigil.quorum.api.QuorumState;

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
 * The controller of this node (Pacemaker's pacemaker-controld): the resource manager every node runs, the DC role
 * on the coordinator of the view, the lease that keeps exclusive resources single, and node attributes.
 *
 * <p>Node config keys ({@code "controller"} section, all optional): {@code leaseMs} (default: the messaging
 * failure-detection timeout, 1000: how long a DC's authority lasts after the answers it counts, and the stall a
 * node notices), {@code memberLeaseMs} (twice leaseMs: how long a member's lease lasts after its answer; it must
 * outlast the election of a new DC after a silent loss of the old one, and a lost node's resources are recovered
 * that long after its last answer), {@code leaseMarginMs} (250), {@code leaseIntervalMs} (200),
 * {@code shutdownTimeoutMs} (20000: how long a stopping node waits for the DC to move its resources away).
 */
@Component(immediate = true)
public class ControllerComponent {

    private static final System.Logger LOG = System.getLogger(ControllerComponent.class.getName());

    private final String me;
    private final CibService cib;
    private final ClusterMessaging messaging;
    private final QuorumService quorum;
    private final ScheduledExecutorService loop;
    private final ScheduledExecutorService leaseThread;
    private final ExecutorService recorder;
    private final ExecutorService stopper;
    private final ExecutorService intake;
    private final LocalResourceManager lrm;
    private final DesignatedController dc;
    private final LeaseGuard guard;
    /** Members' deaths this node saw (connection closed), to tell the DC; stale records filtered out. */
    private final CrashEvidence crashes;
    private final DcAuthority authority;
    private final LeaseProtocol leases;
    /** Nodes confirmed crashed (seen here or told by a member) while out of the view: their promises are void. */
    private final Set<String> confirmedCrashed = ConcurrentHashMap.newKeySet();
    /** DCs that resigned (graceful shutdown), with the view they resigned in: gone until a later view has them. */
    private final Map<String, Long> resigned = new ConcurrentHashMap<>();
    /** The latest lease for a view this node had not installed yet: answered once it has (see viewChanged). */
    private volatile PendingLease pendingLease;
    private final AttributeWriter attributes;
    private final long shutdownTimeoutMs;
    private final List<AutoCloseable> registrations;
    private final ServiceRegistration<NodeAttributes> attributeService;
    private long leaseSequence;
    private volatile FencingService fencing;

    @Activate
    public ControllerComponent(BundleContext context, @Reference CibService cib,
            @Reference ClusterMessaging messaging, @Reference ResourceExecutor executor,
            @Reference QuorumService quorum) {
        this.me = messaging.localNodeName();
        this.cib = cib;
        this.messaging = messaging;
        this.quorum = quorum;
        JsonObject config = readConfig(context.getProperty("vigil.config"));
        long leaseMs = number(config, "controller", "leaseMs",
                number(config, "cluster", "failureDetectionTimeoutMs", 1000));
        long memberLeaseMs = number(config, "controller", "memberLeaseMs", 2 * leaseMs);
        if (memberLeaseMs < leaseMs) {
            throw new IllegalArgumentException("node config: 'controller.memberLeaseMs' (" + memberLeaseMs + ") must be "
                    + "at least 'controller.leaseMs' (" + leaseMs + ")");
        }
        long marginMs = number(config, "controller", "leaseMarginMs", 250);
        long leaseIntervalMs = number(config, "controller", "leaseIntervalMs", 200);
        this.shutdownTimeoutMs = number(config, "controller", "shutdownTimeoutMs", 20_000);

        this.loop = Executors.newSingleThreadScheduledExecutor(daemon("vigil-dc"));
        this.leaseThread = Executors.newSingleThreadScheduledExecutor(daemon("vigil-lease"));
        this.recorder = Executors.newSingleThreadExecutor(daemon("vigil-lrm-recorder"));
        this.stopper = Executors.newSingleThreadExecutor(daemon("vigil-local-stop"));
        // requests from the DC, in arrival order, off the messaging thread (a request may wait for a lease)
        this.intake = Executors.newSingleThreadExecutor(daemon("vigil-lrm-intake"));
        this.guard = new LeaseGuard(memberLeaseMs, leaseMs, System.nanoTime());
        this.crashes = new CrashEvidence(messaging::connectionClosed);
        this.authority = new DcAuthority(me, leaseMs, this::quorumVotes);
        this.leases = new LeaseProtocol(me, memberLeaseMs, guard, authority, new LeasePromise(leaseMs));
        // As DC this node grants its own lease: a start here then also needs a majority confirming its view.
        this.lrm = new LocalResourceManager(me, executor, cib, Clock.systemUTC(), recorder,
                () -> guard.held() && !guard.recovering(System.nanoTime()) && (!messaging.view().coordinator()
                        .equals(me) || authority.authoritative(messaging.view(), System.nanoTime())));
        this.dc = new DesignatedController(me, cib, this::dispatch, this::fence, quorum::state, authority,
                () -> quorum.state().totalVotes() >= quorum.state().expectedVotes(),
                () -> !guard.recovering(System.nanoTime()), messaging::connectionClosed, loop, Clock.systemUTC(),
                System::nanoTime, memberLeaseMs, marginMs);
        this.attributes = new AttributeWriter(cib, loop);

        this.registrations = List.of(
                messaging.subscribe(Messages.TOPIC, this::receive)::close,
                messaging.addViewListener(this::viewChanged)::close,
                cib.addListener((before, after) -> {
                    lrm.cibCommitted(before, after);
                    loop.execute(() -> dc.cibCommitted(before, after));
                }),
                quorum.addListener((was, now) -> loop.execute(dc::quorumChanged)));
        leaseThread.scheduleAtFixedRate(this::leaseTick, leaseIntervalMs, leaseIntervalMs, TimeUnit.MILLISECONDS);
        // every 10 ms: after a freeze, the stale copy of an exclusive resource must stop within milliseconds
        leaseThread.scheduleAtFixedRate(this::guardTick, 10, 10, TimeUnit.MILLISECONDS);
        this.attributeService = context.registerService(NodeAttributes.class, attributes, null);
        join(messaging.view());
        LOG.log(System.Logger.Level.INFO, "controller of " + me + " started (lease " + leaseMs + " ms)");
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void join(MembershipView view) {
        view.member(me).ifPresent(m -> lrm.join(Integer.toString(m.nodeId()), view.viewId(), view.size() > 1));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFencing(FencingService fencing) {
        this.fencing = fencing;
    }

    void unsetFencing(FencingService fencing) {
        if (this.fencing == fencing) {
            this.fencing = null;
        }
    }

    private java.util.concurrent.CompletionStage<Boolean> fence(String node, String action) {
        FencingService f = fencing;
        if (f == null) {
            LOG.log(System.Logger.Level.ERROR, "cannot fence " + node + ": the fencer is not running on " + me);
            return Fencer.NONE.fence(node, action);
        }
        return f.fence(node, action).thenApply(FenceEvent::succeeded);
    }

    private void dispatch(String node, ExecRequest r) {
        if (node.equals(me)) {
            intake.execute(() -> lrm.execute(r));
        } else {
            messaging.send(node, Messages.TOPIC, Messages.exec(r));
        }
    }

    private void receive(ClusterMessage m) {
        Object msg;
        try {
            msg = Messages.decode(m.payload());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a message from " + m.sender() + ": " + e.getMessage());
            return;
        }
        if (msg instanceof ExecRequest r) {
            if (!m.sender().equals(messaging.view().coordinator())) {
                LOG.log(System.Logger.Level.WARNING, "ignoring " + r.operationKey() + " from " + m.sender()
                        + ", which is not the DC of this partition");
                return;
            }
            intake.execute(() -> lrm.execute(r));
        } else if (msg instanceof Messages.Dead d) {
            if (!messaging.view().contains(d.node()) && confirmedCrashed.add(d.node())) {
                leaseThread.execute(this::leaseTick); // the members learn it with the next lease
            }
            loop.execute(() -> dc.nodeDied(d.node()));
        } else if (msg instanceof Messages.Lease l) {
            MembershipView v = messaging.view();
            if (!m.sender().equals(v.coordinator())) {
                return; // not the DC of this node's view: neither a lease nor an answer (that DC may be stale)
            }
            if (l.viewId() != v.viewId()) {
                pendingLease = new PendingLease(m.sender(), l.sequence(), l.viewId());
                return;
            }
            send(m.sender(), l.sequence(), leases.leaseReceived(l, v, this::crashedHere, System.nanoTime()));
        } else if (msg instanceof Messages.LeaseAck a) {
            LeaseProtocol.Answered r = leases.ackReceived(m.sender(), a, messaging.view(), dc::grantsTo,
                    System.nanoTime());
            if (r.grant() != null) {
                sendLease(m.sender(), r.grant());
            }
            if (r.authorityGained()) {
                loop.execute(dc::authorityGained); // act now, not at the next retry
                leaseThread.execute(this::leaseTick); // and grant every member its lease now
            }
        } else if (msg instanceof Messages.Resign r) {
            resigned.put(r.dc(), messaging.view().viewId());
        }
    }

    /** A lease sent for a view before this node installed it. */
    private record PendingLease(String dc, long sequence, long viewId) {
    }

    /** Sends this node's answer to {@code dcNode}'s lease, if it gave one (see {@link LeasePromise}). */
    private void send(String dcNode, long sequence, Messages.LeaseAck answer) {
        if (answer == null) {
            LOG.log(System.Logger.Level.DEBUG, "lease " + sequence + " of " + dcNode + " not answered: " + me
                    + " answered " + leases.promisedTo(System.nanoTime()) + " less than a lease time ago");
            return;
        }
        try {
            messaging.send(dcNode, Messages.TOPIC, Messages.leaseAck(answer));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease " + sequence + " not acknowledged to " + dcNode + ": " + e);
        }
    }

    /** Whether {@code node} was confirmed crashed, here or by a member, or resigned as DC. */
    private boolean crashedHere(String node) {
        return confirmedCrashed.contains(node) || crashes.died(node) || resigned.containsKey(node);
    }

    private void sendLease(String member, Messages.Lease lease) {
        try {
            messaging.send(member, Messages.TOPIC, Messages.lease(lease));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease to " + member + " not sent: " + e);
        }
    }

    /** Votes the partition needs, while it is quorate and its no-quorum-policy needs quorum (see DcAuthority). */
    private int quorumVotes() {
        String policy = cib.current().configuration().properties().noQuorumPolicy();
        QuorumState q = quorum.state();
        if ("ignore".equals(policy) || "freeze".equals(policy)) {
            return 0;
        }
        return q.quorate() ? q.quorum() : -1;
    }

    private void viewChanged(MembershipView previous, MembershipView current) {
        guard.viewInstalled();
        crashes.viewInstalled(current);
        confirmedCrashed.removeAll(current.names());
        resigned.entrySet().removeIf(e -> current.contains(e.getKey()) && current.viewId() > e.getValue());
        PendingLease p = pendingLease;
        if (p != null && p.viewId() == current.viewId() && p.dc().equals(current.coordinator())
                && !p.dc().equals(me)) {
            pendingLease = null;
            // the DC need not wait for its next lease
            send(p.dc(), p.sequence(), leases.answer(p.dc(), p.sequence(), current, this::crashedHere,
                    System.nanoTime()));
        }
        if (current.coordinator().equals(me)) {
            leaseThread.execute(this::leaseTick); // a new DC gathers its view's confirmations at once
        }
        loop.execute(() -> dc.viewChanged(previous, current));
        if (previous != null) {
            // Only the members next to a crashed one see its connection close: tell the DC. The witness confirms a
            // crash by probing, which may end only after the view changed: look again a few times.
            for (String gone : previous.names()) {
                if (!current.contains(gone)) {
                    reportIfDied(gone, current.viewId());
                    for (long ms : CRASH_RECHECK_MS) {
                        leaseThread.schedule(() -> reportIfDied(gone, current.viewId()), ms, TimeUnit.MILLISECONDS);
                    }
                }
            }
        }
        join(current);
    }

    /** When a node that left is looked at again for a confirmed crash (after the view change), in ms. */
    private static final long[] CRASH_RECHECK_MS = {100, 300, 700, 1500};

    /**
     * If {@code gone}, no member of the view since {@code viewId}, is confirmed crashed here and was not reported
     * yet: its promises are void, and the DC learns it may recover its resources without a lease wait.
     */
    private void reportIfDied(String gone, long viewId) {
        MembershipView v = messaging.view();
        if (v.viewId() != viewId || v.contains(gone) || !crashes.died(gone) || !confirmedCrashed.add(gone)) {
            return;
        }
        if (v.coordinator().equals(me)) {
            loop.execute(() -> dc.nodeDied(gone));
            leaseThread.execute(this::leaseTick); // the members learn it with the next lease
        } else {
            try {
                messaging.send(v.coordinator(), Messages.TOPIC, Messages.dead(new Messages.Dead(gone)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not tell the DC that " + gone + " died: " + e);
            }
        }
    }

    private void leaseTick() {
        try {
            MembershipView v = messaging.view();
            if (!v.coordinator().equals(me) || guard.recovering(System.nanoTime())) {
                return;
            }
            String policy = cib.current().configuration().properties().noQuorumPolicy();
            boolean runnable = quorum.state().quorate() || "ignore".equals(policy) || "freeze".equals(policy);
            // Point to point, not through the total order: a lease must not wait behind a sequencer after a merge.
            long sequence = ++leaseSequence;
            Set<String> gone = new java.util.TreeSet<>(confirmedCrashed);
            gone.addAll(resigned.keySet());
            LeaseProtocol.Round round = leases.leaseRound(v, sequence, runnable, List.copyOf(gone), this::crashedHere,
                    dc::grantsTo, System.nanoTime());
            round.leases().forEach(this::sendLease);
            if (round.authorityGained()) {
                loop.execute(dc::authorityGained);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease not sent: " + e);
        }
    }

    private void guardTick() {
        long stallsBefore = guard.stalls();
        if (guard.tick(System.nanoTime()) == LeaseGuard.Verdict.STOP_EXCLUSIVE) {
            List<String> exclusive = lrm.activeResources(rsc -> ResourceLookup.exclusive(
                    cib.current().configuration(), rsc));
            if (!exclusive.isEmpty()) {
                // the stops go to the executor first, right here; logging and waiting come after, elsewhere
                var stops = lrm.beginStops(exclusive);
                String why = "this node lost its lease (cut off from the cluster, or stalled): exclusive resources "
                        + "must not run here now";
                stopper.execute(() -> {
                    LOG.log(System.Logger.Level.WARNING, "stopping " + exclusive + " on " + me + ": " + why);
                    lrm.awaitStops(stops, why);
                });
            }
        }
        if (guard.stalls() != stallsBefore) {
            // what the members confirmed before the stall says nothing about the views they hold now
            authority.reset();
        }
    }

    @Deactivate
    void deactivate() {
        shutDownGracefully();
        attributeService.unregister();
        for (AutoCloseable r : registrations) {
            try {
                r.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        resign(); // after the listeners are gone: nothing posts to the loops it shuts down
        lrm.close();
        leaseThread.shutdownNow();
        loop.shutdownNow();
        recorder.shutdown();
        try {
            recorder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopper.shutdownNow();
        intake.shutdownNow();
    }

    /**
     * Leaves cleanly: says it is going (expected=down) and asks the DC to move its resources away (transient
     * standby), waits for that, stops whatever is left itself, and only then lets the node leave.
     */
    private void shutDownGracefully() {
        if (lrm.activeResources(r -> true).isEmpty()) {
            markExpectedDown();
            return;
        }
        LOG.log(System.Logger.Level.INFO, me + " is shutting down: moving its resources away");
        try {
            cib.apply(List.of(new CibChange.SetTransientAttribute(me, "standby", "on"))).toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownTimeoutMs);
            while (!lrm.activeResources(r -> true).isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not hand the resources over: " + e);
        }
        List<String> left = lrm.activeResources(r -> true);
        if (!left.isEmpty()) {
            lrm.stopLocally(left, "the node is shutting down");
        }
        markExpectedDown();
    }

    /**
     * As DC, after everything here stopped: grants and acts no more, and tells the members, whose promises to this
     * node are then void, so the next DC is confirmed at once and their leases never lapse meanwhile.
     */
    private void resign() {
        leaseThread.shutdownNow();
        loop.shutdownNow();
        MembershipView v = messaging.view();
        if (!v.coordinator().equals(me)) {
            return;
        }
        byte[] resign = Messages.resign(new Messages.Resign(me));
        for (String member : v.names()) {
            if (!member.equals(me)) {
                try {
                    messaging.send(member, Messages.TOPIC, resign);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "resignation not sent to " + member + ": " + e);
                }
            }
        }
    }

    private void markExpectedDown() {
        Optional<NodeState> state = cib.current().status().nodeByName(me);
        if (state.isEmpty()) {
            return;
        }
        try {
            cib.apply(List.of(new CibChange.SetNodeState(state.get().id(), me, Map.of("expected", "down"))))
                    .toCompletableFuture().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the clean shutdown of " + me + ": " + e);
        }
    }

    // ---- config ----

    private static JsonObject readConfig(String file) {
        if (file == null) {
            return new JsonObject();
        }
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            JsonElement e = JsonParser.parseReader(r);
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (IOException | RuntimeException e) {
            return new JsonObject();
        }
    }

    private static long number(JsonObject config, String section, String key, long dflt) {
        JsonElement s = config.get(section);
        if (s == null || !s.isJsonObject()) {
            return dflt;
        }
        JsonElement v = s.getAsJsonObject().get(key);
        try {
            return v == null ? dflt : v.getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("node config: '" + section + "." + key + "' must be a number of "
                    + "milliseconds, not " + v);
        }
    }
}
