/**
 * The scheduler's tools: {@code simulate} (crm_simulate -S style) and the scheduler benchmark. Exported so the
 * shell can offer {@code simulate} on a running node.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.scheduler.tool;
