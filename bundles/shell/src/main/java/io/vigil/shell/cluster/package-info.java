/**
 * The cluster's status as crm_mon shows it ({@link io.vigil.shell.cluster.ClusterStatus}, rendered by
 * {@link io.vigil.shell.cluster.StatusFormat} as text, JSON or XML), and the Gogo commands that read and change it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.shell.cluster;
