/** Pacemaker CIB XML import ({@link io.vigil.cib.xml.CibXmlReader}) and export ({@link io.vigil.cib.xml.CibXmlWriter}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.cib.xml;
