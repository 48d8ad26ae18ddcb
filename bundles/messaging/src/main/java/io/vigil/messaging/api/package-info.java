/**
 * Vigil's cluster messaging API: membership views, totally ordered reliable broadcast per topic, point-to-point
 * messages, per-topic state transfer to joining members, and partition/merge notifications. No JGroups type
 * appears here.
 */
@Export
@Version("1.1.0")
package io.vigil.messaging.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
