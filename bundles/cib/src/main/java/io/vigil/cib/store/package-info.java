/** Durable storage of the configuration ({@link io.vigil.cib.store.CibStore}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.cib.store;
