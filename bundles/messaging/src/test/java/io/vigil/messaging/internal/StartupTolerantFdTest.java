package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up grace of the failure detector, on the protocol object alone (no channel). */
class StartupTolerantFdTest {

    @Test
    void toleratesThreeTimesTheTimeoutUntilTheGraceEnds() {
        StartupTolerantFd fd = new StartupTolerantFd(200, 1000);
        assertEquals(3000, fd.getTimeout());
        assertTrue(fd.inGrace());
        fd.endGrace();
        assertEquals(1000, fd.getTimeout());
        assertEquals(200, fd.getInterval());
        assertFalse(fd.inGrace());
    }

    @Test
    void usesFdAll3sProtocolIdSoItsHeartbeatHeadersAreFound() {
        assertEquals(org.jgroups.conf.ClassConfigurator.getProtocolId(org.jgroups.protocols.FD_ALL3.class),
                new StartupTolerantFd(200, 1000).getId());
    }

    @Test
    void aLongConfiguredTimeoutIsTripledAndAShortOneRaisedToThreeSeconds() {
        assertEquals(9000, StartupTolerantFd.graceTimeout(3000));
        assertEquals(3000, StartupTolerantFd.graceTimeout(300));
    }
}
