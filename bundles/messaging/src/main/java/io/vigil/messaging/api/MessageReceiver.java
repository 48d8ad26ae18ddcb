package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of one topic, in delivery order, on a messaging thread. Must not throw. */
@ConsumerType
@FunctionalInterface
public interface MessageReceiver {
    void receive(ClusterMessage message);
}
