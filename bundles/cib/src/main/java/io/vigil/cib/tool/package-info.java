/** Command line: {@code verify} and {@code convert} ({@link io.vigil.cib.tool.CibTool}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.vigil.cib.tool;
