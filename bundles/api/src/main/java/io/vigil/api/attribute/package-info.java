/** Node attributes as agents and administrators set them (Pacemaker's attrd): transient values per node. */
@Export
@Version("1.0.0")
package io.vigil.api.attribute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
