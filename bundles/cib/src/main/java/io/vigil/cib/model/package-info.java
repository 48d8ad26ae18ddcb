/**
 * The immutable CIB model: configuration, status and version. Plain Java, no OSGi runtime dependency.
 * Iteration order of every collection is document order.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.vigil.cib.model;
