package io.vigil.messaging.internal;

import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessageReceiver;
import io.vigil.messaging.api.MessagingException;
import io.vigil.messaging.api.Registration;
import io.vigil.messaging.api.StateProvider;
import io.vigil.messaging.api.StateReceiver;
import io.vigil.messaging.api.ViewListener;

import java.time.Instant;
import java.util.Objects;

/**
 * A node without a cluster: a view of itself alone, broadcasts and messages to itself delivered at once, in call
 * order (one delivery at a time).
 */
public final class StandaloneMessaging implements ClusterMessaging {
    private final String self;
    private final MembershipView view;
    private final TopicDispatcher dispatcher;

    public StandaloneMessaging(String self) {
        this.self = Objects.requireNonNull(self, "self");
        this.view = ViewTranslator.solo(self, 1, 1, Instant.now());
        this.dispatcher = new TopicDispatcher(self, view, new TopicDispatcher.Outbound() {
            @Override
            public void broadcast(Envelope e) {
                // no other member: state requests are never sent
            }

            @Override
            public void send(String node, Envelope e) {
                // no other member
            }
        });
    }

    @Override
    public String localNodeName() {
        return self;
    }

    @Override
    public MembershipView view() {
        return view;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public Registration addViewListener(ViewListener listener) {
        listener.viewChanged(null, view);
        return () -> { };
    }

    @Override
    public Registration subscribe(String topic, MessageReceiver receiver) {
        return dispatcher.subscribe(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(receiver));
    }

    @Override
    public void broadcast(String topic, byte[] payload) {
        dispatcher.deliver(Envelope.message(true, self, Objects.requireNonNull(topic, "topic"), payload.clone()));
    }

    @Override
    public void send(String nodeName, String topic, byte[] payload) {
        if (!self.equals(nodeName)) {
            throw new MessagingException("node " + nodeName + " is not in the current view [" + self + "]");
        }
        dispatcher.deliver(Envelope.message(false, self, Objects.requireNonNull(topic, "topic"), payload.clone()));
    }

    @Override
    public Registration registerStateProvider(String topic, StateProvider provider) {
        return dispatcher.provider(topic, provider);
    }

    @Override
    public Registration registerStateReceiver(String topic, StateReceiver receiver) {
        return dispatcher.stateReceiver(topic, receiver);
    }

    @Override
    public void requestState(String topic) {
        // nobody to ask
    }
}
