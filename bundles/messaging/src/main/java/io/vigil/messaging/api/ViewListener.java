package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Notified of membership changes in view order. A partition shows as a view without the unreachable members; its
 * healing as a view with {@link MembershipView#merge()} true listing the merged subgroups.
 */
@ConsumerType
@FunctionalInterface
public interface ViewListener {
    /**
     * @param previous the view before, or null for the initial call made at registration
     * @param current the new view
     */
    void viewChanged(MembershipView previous, MembershipView current);
}
