/** JGroups-based implementation of the messaging API; private to the bundle. */
package io.vigil.messaging.internal;
