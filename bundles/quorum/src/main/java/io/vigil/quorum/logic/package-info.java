/** Pure votequorum logic: no OSGi, no clock (time is passed in). Private to the bundle. */
package io.vigil.quorum.logic;
