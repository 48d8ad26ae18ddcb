/**
 * {@code fence_external}: every RHCS-style {@code fence_*} executable of a directory becomes a fence agent, driven
 * through the agents' standard-input {@code key=value} protocol.
 */
package io.vigil.fence.external;
