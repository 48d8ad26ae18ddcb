/** Typed changes applied atomically to an immutable snapshot ({@link io.vigil.cib.change.CibChanges}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.vigil.cib.change;
