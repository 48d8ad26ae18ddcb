package io.vigil.api.attribute;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Transient node attributes (Pacemaker's {@code attrd_updater}): values such as {@code pingd} that agents set on
 * the node they run on, replicated to the whole cluster, used by location rules, and cleared when the node leaves
 * the cluster. Implemented by Vigil's controller; agents use it.
 */
@ProviderType
public interface NodeAttributes {

    /**
     * Sets an attribute of a node. With a non-zero {@code dampen}, the value is written to the cluster only after
     * it has been stable for that long (a flapping value causes one update, not many).
     */
    void set(String node, String name, String value, Duration dampen);

    /** Removes an attribute of a node. */
    void delete(String node, String name);

    /** The current (written) value of an attribute. */
    Optional<String> get(String node, String name);

    /** All current attributes of a node. */
    Map<String, String> all(String node);
}
