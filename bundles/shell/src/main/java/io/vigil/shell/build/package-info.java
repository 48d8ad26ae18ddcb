/**
 * Building CIB objects and change lists from what an administrator typed, shared by the pcs, crm and crm_*
 * commands: primitives from agent + params/meta/ops, clones, attribute-set edits, the cli-prefer/cli-ban
 * constraints of move/ban/clear, cleanup/refresh change lists, and the known meta-attribute names.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.shell.build;
