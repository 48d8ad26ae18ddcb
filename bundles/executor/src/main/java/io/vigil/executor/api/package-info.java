/** The executor's service: run agent actions on this node and learn their results. */
@Export
@Version("1.0.0")
package io.vigil.executor.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
