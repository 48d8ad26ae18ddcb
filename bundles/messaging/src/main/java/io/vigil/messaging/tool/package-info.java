/** Command-line tools of the messaging bundle, callable outside OSGi (the {@code vigil} launcher). */
@Export
@Version("1.0.0")
package io.vigil.messaging.tool;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
