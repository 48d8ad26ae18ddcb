/** The CIB of this node as a service: read the current snapshot, apply changes cluster-wide, follow commits. */
@Export
@Version("1.0.0")
package io.vigil.cib.manager.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
