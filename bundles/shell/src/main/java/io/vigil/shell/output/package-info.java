/**
 * {@code --output-as text|json|xml}: the option parsed the same way for every reading command, and the renderer
 * that makes each format from the same data.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.shell.output;
