package io.vigil.fencing.api;

import java.time.Instant;

/**
 * One fencing operation in the cluster's history.
 *
 * @param target the node fenced
 * @param action reboot or off
 * @param origin the node that asked (the DC, or an administrator's node)
 * @param executioner the node that ran the device
 * @param devices the devices used, comma-separated, or empty
 * @param succeeded whether the target was confirmed off
 * @param reason what went wrong, empty on success
 * @param completed when it finished
 */
public record FenceEvent(String target, String action, String origin, String executioner, String devices,
        boolean succeeded, String reason, Instant completed) {
}
