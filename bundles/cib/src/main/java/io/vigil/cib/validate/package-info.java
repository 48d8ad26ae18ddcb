/** Validation of a snapshot: errors block a change, warnings do not. Entry point {@link io.vigil.cib.validate.Validator}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.cib.validate;
