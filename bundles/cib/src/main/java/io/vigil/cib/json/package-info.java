/** Vigil's own CIB format: JSON via gson ({@link io.vigil.cib.json.CibJson}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.cib.json;
