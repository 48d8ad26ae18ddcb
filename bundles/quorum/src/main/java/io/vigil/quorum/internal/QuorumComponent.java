package io.vigil.quorum.internal;

import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.Registration;
import io.vigil.quorum.api.QuorumListener;
import io.vigil.quorum.api.QuorumMarker;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumService;
import io.vigil.quorum.api.QuorumState;
import io.vigil.quorum.logic.QuorumSettings;
import io.vigil.quorum.logic.VoteQuorum;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.condition.Condition;

/**
 * Feeds the messaging membership into {@link VoteQuorum}, offers {@link QuorumService}, and registers the
 * {@link QuorumMarker} (also as condition {@code vigil.quorate}) exactly while quorate.
 */
@Component(service = QuorumService.class, immediate = true)
public final class QuorumComponent implements QuorumService {
    private static final Logger LOG = Logger.getLogger(QuorumComponent.class.getName());

    private final BundleContext context;
    private final VoteQuorum quorum;
    private final List<QuorumListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-quorum");
        t.setDaemon(true);
        return t;
    });
    private final Registration viewRegistration;
    private ScheduledFuture<?> tick;
    private ServiceRegistration<?> marker;
    private volatile QuorumState state;

    @Activate
    public QuorumComponent(BundleContext context, @Reference ClusterMessaging messaging) {
        this.context = context;
        String config = context.getProperty("vigil.config");
        QuorumSettings settings = QuorumConfigReader.read(
                config == null || config.isBlank() || !messaging.clustered() ? null : Path.of(config));
        int localId = messaging.view().member(messaging.localNodeName()).map(Member::nodeId).orElse(0);
        this.quorum = new VoteQuorum(settings, localId);
        this.state = quorum.state();
        this.viewRegistration = messaging.addViewListener((previous, current) -> onView(current));
    }

    @Deactivate
    void deactivate() {
        viewRegistration.close();
        timer.shutdownNow();
        synchronized (this) {
            unregisterMarker();
        }
    }

    @Override
    public QuorumState state() {
        return state;
    }

    @Override
    public AutoCloseable addListener(QuorumListener listener) {
        synchronized (this) {
            listeners.add(listener);
            notify(listener, null, state);
        }
        return () -> listeners.remove(listener);
    }

    private void onView(MembershipView v) {
        List<QuorumMember> members = v.members().stream()
                .map(m -> new QuorumMember(m.nodeId(), m.name(), m.votes())).toList();
        synchronized (this) {
            publish(quorum.membershipChanged(v.viewId(), members, nowMs()));
            scheduleTick();
        }
    }

    private synchronized void onTick() {
        publish(quorum.tick(nowMs()));
        scheduleTick();
    }

    private void scheduleTick() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        quorum.nextTickAt().ifPresent(at -> {
            if (!timer.isShutdown()) {
                tick = timer.schedule(this::onTick, Math.max(0, at - nowMs()), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void publish(QuorumState next) {
        QuorumState previous = state;
        if (next.equals(previous)) {
            return;
        }
        state = next;
        if (next.quorate() != previous.quorate()) {
            LOG.info("quorum " + (next.quorate() ? "acquired" : "lost") + ": " + next.totalVotes() + " of "
                    + next.expectedVotes() + " expected votes (quorum " + next.quorum() + ")");
        }
        if (next.quorate() && marker == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Condition.CONDITION_ID, QuorumMarker.CONDITION_ID);
            marker = context.registerService(new String[] {QuorumMarker.class.getName(), Condition.class.getName()},
                    new Marker(), props);
        } else if (!next.quorate()) {
            unregisterMarker();
        }
        for (QuorumListener l : listeners) {
            notify(l, previous, next);
        }
    }

    private void unregisterMarker() {
        if (marker != null) {
            try {
                marker.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            marker = null;
        }
    }

    private static void notify(QuorumListener l, QuorumState previous, QuorumState current) {
        try {
            l.quorumChanged(previous, current);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "quorum listener failed", e);
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    /** The marker / condition service object. */
    private static final class Marker implements QuorumMarker, Condition {
    }
}
