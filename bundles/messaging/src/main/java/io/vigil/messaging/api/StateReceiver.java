package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives a topic's state snapshot on joining, before the broadcasts ordered after it are delivered. */
@ConsumerType
@FunctionalInterface
public interface StateReceiver {
    /**
     * @param provider node name of the member that provided the state
     * @param state the snapshot its {@link StateProvider} returned
     */
    void receiveState(String provider, byte[] state);
}
