/**
 * Vigil's policy engine: {@link io.vigil.scheduler.Scheduler#schedule} turns a CIB snapshot and "now" into a
 * {@link io.vigil.scheduler.Transition} (actions with their edges, the allocation score table, a transition
 * summary and an explanation per resource). Pure and deterministic: no I/O, no clock, no randomness.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.vigil.scheduler;
