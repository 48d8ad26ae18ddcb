package io.vigil.messaging.internal;

/**
 * Failure-detection and membership timings, in milliseconds. Defaults come from the detection grid measured on
 * the reference machine (TOOLCHAIN.md): kill -9 noticed in ~0.2 s through the closed socket (FD_SOCK2 +
 * VERIFY_SUSPECT2 100 ms), a hung or cut-off member in ~1.1–1.3 s (FD_ALL3 200/1000 ms), pauses up to ~1.2 s
 * survived without a spurious view change.
 *
 * @param failureDetectionIntervalMs heartbeat interval (FD_ALL3 interval)
 * @param failureDetectionTimeoutMs silence after which a member is suspected (FD_ALL3 timeout)
 * @param verifySuspectMs how long a suspicion is verified before the member is excluded (VERIFY_SUSPECT2)
 * @param joinTimeoutMs how long a join waits for the coordinator's answer (GMS join_timeout)
 * @param mergeIntervalMs maximum interval between partition checks (MERGE3 max_interval; min is half of it)
 * @param maxClockSkewMs sealed messages older or newer than this are rejected as replays
 */
public record Timeouts(long failureDetectionIntervalMs, long failureDetectionTimeoutMs, long verifySuspectMs,
                       long joinTimeoutMs, long mergeIntervalMs, long maxClockSkewMs) {

    public static final Timeouts DEFAULTS = new Timeouts(200, 1000, 100, 1000, 2000, 60_000);
}
