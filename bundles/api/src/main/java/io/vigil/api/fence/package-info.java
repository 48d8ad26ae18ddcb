/**
 * The fence-agent SPI: what a fence-agent bundle implements and registers (power a node off, on, or reboot it,
 * report its power status, list the nodes a device can fence).
 */
@Export
@Version("1.0.0")
package io.vigil.api.fence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
