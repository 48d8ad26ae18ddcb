/** The fencer of a node: fence a node through the configured devices and topology; the cluster's fence history. */
@Export
@Version("1.0.0")
package io.vigil.fencing.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
