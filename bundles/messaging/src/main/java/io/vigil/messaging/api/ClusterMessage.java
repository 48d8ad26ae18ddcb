package io.vigil.messaging.api;

import java.util.Objects;

/**
 * A delivered message.
 *
 * @param sender node name of the originator
 * @param topic the topic it was sent on
 * @param payload the bytes as sent (do not modify)
 * @param broadcast true for a totally ordered broadcast, false for a point-to-point message
 */
public record ClusterMessage(String sender, String topic, byte[] payload, boolean broadcast) {
    public ClusterMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
