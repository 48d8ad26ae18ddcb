package io.vigil.messaging.internal;

import io.vigil.messaging.api.ClusterMessage;
import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessageReceiver;
import io.vigil.messaging.api.Registration;
import io.vigil.messaging.api.StateProvider;
import io.vigil.messaging.api.StateReceiver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers messages to per-topic receivers and runs per-topic state transfer in the total order.
 *
 * <p>State transfer: the requester broadcasts a STATE_REQUEST naming a target (the oldest other member). The target
 * snapshots its provider when it delivers the request, so the snapshot sits at that point of the total order, and
 * answers point-to-point. From the delivery of its own request until the answer, the requester holds back the
 * topic's broadcasts, then hands over the state and releases them. If the target leaves first, it asks again.
 * Delivery is serialized by one lock, so receivers see one message at a time.
 */
final class TopicDispatcher {
    private static final Logger LOG = Logger.getLogger(TopicDispatcher.class.getName());

    /** Where outgoing protocol messages go. */
    interface Outbound {
        void broadcast(Envelope e);

        void send(String node, Envelope e);
    }

    private final String self;
    private final Outbound out;
    private final Map<String, List<MessageReceiver>> receivers = new ConcurrentHashMap<>();
    private final Map<String, StateProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, StateReceiver> stateReceivers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final AtomicLong requestIds = new AtomicLong(System.nanoTime());
    private MembershipView view;

    TopicDispatcher(String self, MembershipView initial, Outbound out) {
        this.self = self;
        this.view = initial;
        this.out = out;
    }

    Registration subscribe(String topic, MessageReceiver r) {
        List<MessageReceiver> list = receivers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        list.add(r);
        return () -> list.remove(r);
    }

    Registration provider(String topic, StateProvider p) {
        if (providers.putIfAbsent(topic, p) != null) {
            throw new IllegalStateException("a state provider is already registered for topic " + topic);
        }
        return () -> providers.remove(topic, p);
    }

    Registration stateReceiver(String topic, StateReceiver r) {
        if (stateReceivers.putIfAbsent(topic, r) != null) {
            throw new IllegalStateException("a state receiver is already registered for topic " + topic);
        }
        requestState(topic);
        return () -> {
            stateReceivers.remove(topic, r);
            synchronized (this) {
                Pending p = pending.remove(topic);
                if (p != null) {
                    p.buffer.forEach(this::deliverNow);
                }
            }
        };
    }

    synchronized void requestState(String topic) {
        String target = oldestOther(view);
        if (target == null) {
            return; // alone: nobody to ask
        }
        long id = requestIds.incrementAndGet();
        pending.put(topic, new Pending(id, target, pending.get(topic)));
        out.broadcast(new Envelope(Envelope.Kind.STATE_REQUEST, self, topic, id, target, null));
    }

    synchronized void deliver(Envelope e) {
        switch (e.kind()) {
            case BROADCAST -> {
                Pending p = pending.get(e.topic());
                if (p != null && p.ordered) {
                    p.buffer.add(e);
                } else {
                    deliverNow(e);
                }
            }
            case DIRECT -> deliverNow(e);
            case STATE_REQUEST -> onRequest(e);
            case STATE_RESPONSE -> onResponse(e);
        }
    }

    synchronized void viewChanged(MembershipView v) {
        this.view = v;
        for (Map.Entry<String, Pending> en : new ArrayList<>(pending.entrySet())) {
            if (!v.contains(en.getValue().target)) {
                requestState(en.getKey());
                if (oldestOther(v) == null) {
                    complete(en.getKey(), pending.get(en.getKey()), null);
                }
            }
        }
    }

    private void onRequest(Envelope e) {
        if (e.sender().equals(self)) {
            Pending p = pending.get(e.topic());
            if (p == null || p.id != e.requestId()) {
                return; // superseded
            }
            p.ordered = true;
            p.buffer.clear(); // the state at this point of the order covers what was held back before
            if (p.response != null) {
                complete(e.topic(), p, p.response);
            } else if (!view.contains(p.target)) {
                requestState(e.topic());
            }
        } else if (e.target().equals(self)) {
            StateProvider provider = providers.get(e.topic());
            byte[] state = null;
            if (provider != null) {
                try {
                    state = provider.state();
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "state provider of topic " + e.topic() + " failed", ex);
                }
            }
            out.send(e.sender(), new Envelope(Envelope.Kind.STATE_RESPONSE, self, e.topic(), e.requestId(), "",
                    state));
        }
    }

    private void onResponse(Envelope e) {
        Pending p = pending.get(e.topic());
        if (p == null || p.id != e.requestId()) {
            return;
        }
        if (p.ordered) {
            complete(e.topic(), p, e);
        } else {
            p.response = e;
        }
    }

    private void complete(String topic, Pending p, Envelope response) {
        pending.remove(topic);
        StateReceiver r = stateReceivers.get(topic);
        if (r != null && response != null && response.payload() != null) {
            try {
                r.receiveState(response.sender(), response.payload());
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "state receiver of topic " + topic + " failed", ex);
            }
        }
        if (p != null) {
            p.buffer.forEach(this::deliverNow);
        }
    }

    private void deliverNow(Envelope e) {
        List<MessageReceiver> list = receivers.get(e.topic());
        if (list == null || list.isEmpty()) {
            return;
        }
        ClusterMessage m = new ClusterMessage(e.sender(), e.topic(), e.payload(), e.kind() == Envelope.Kind.BROADCAST);
        for (MessageReceiver r : list) {
            try {
                r.receive(m);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "receiver of topic " + e.topic() + " failed", ex);
            }
        }
    }

    private String oldestOther(MembershipView v) {
        return v.members().stream().map(Member::name).filter(n -> !n.equals(self)).findFirst().orElse(null);
    }

    private static final class Pending {
        final long id;
        final String target;
        final List<Envelope> buffer;
        boolean ordered;
        Envelope response;

        /** A repeated request keeps holding back what the previous one held back. */
        Pending(long id, String target, Pending previous) {
            this.id = id;
            this.target = target;
            this.buffer = previous == null ? new ArrayList<>() : previous.buffer;
            this.ordered = previous != null && previous.ordered;
        }
    }
}
