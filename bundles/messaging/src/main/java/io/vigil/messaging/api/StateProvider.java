package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies a topic's current state to a joining member. Called on the member asked for the state (the
 * coordinator), at a point of the total order: the joiner then delivers every broadcast ordered after it.
 */
@ConsumerType
@FunctionalInterface
public interface StateProvider {
    /** The state snapshot; never null (an empty array for "no state"). */
    byte[] state();
}
