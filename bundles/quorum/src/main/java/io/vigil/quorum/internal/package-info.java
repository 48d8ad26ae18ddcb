/** OSGi wiring of the quorum logic: DS component, config reading, Gogo command. Private to the bundle. */
package io.vigil.quorum.internal;
