/**
 * Command-line syntax shared by Vigil's administration commands (pcs, crm, crm_* tools): a tokenizer, a token
 * cursor whose errors point at the offending token, did-you-mean suggestions, NAME=VALUE and score parsing, and
 * the rule-expression grammar pcs and crmsh share.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.shell.syntax;
