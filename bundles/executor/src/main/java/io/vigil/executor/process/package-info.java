/** Running external agent programs so that a timeout kills their whole process tree. */
@Export
@Version("1.1.0")
package io.vigil.executor.process;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
