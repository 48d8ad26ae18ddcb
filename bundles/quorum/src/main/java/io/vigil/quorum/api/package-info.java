/**
 * Quorum API (votequorum semantics): the current {@link io.vigil.quorum.api.QuorumState}, change events, and the
 * {@link io.vigil.quorum.api.QuorumMarker} service registered only while this partition is quorate.
 */
@Export
@Version("1.0.0")
package io.vigil.quorum.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
