package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ProviderType;

/** Handle returned by a registration; {@link #close()} removes it and may be called more than once. */
@ProviderType
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
