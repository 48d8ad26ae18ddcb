/**
 * Helpers for writing Java resource agents: not part of the SPI contract (the executor never sees these types),
 * only shared code agent bundles may build on. An agent that does not fit them implements
 * {@link io.vigil.api.agent.ResourceAgent} directly.
 */
@Export
@Version("1.1.0")
package io.vigil.api.agent.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
