/** Loading and saving CIBs in any format, and the problems and exceptions the library reports. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.cib;
