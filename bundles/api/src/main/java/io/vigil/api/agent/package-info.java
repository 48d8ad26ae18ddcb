/**
 * The resource-agent SPI: what an agent bundle implements and registers, and the types that cross the boundary
 * between the executor and an agent (OCF 1.1 actions, exit codes, execution status, metadata).
 */
@Export
@Version("1.0.0")
package io.vigil.api.agent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
