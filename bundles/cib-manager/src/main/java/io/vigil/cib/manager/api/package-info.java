/** The CIB of this node as a service: read the current snapshot, apply changes cluster-wide, follow commits;
 * {@link io.vigil.cib.manager.api.RegistryCatalog} checks agent parameters against the agents installed here. */
@Export
@Version("1.2.0")
package io.vigil.cib.manager.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
