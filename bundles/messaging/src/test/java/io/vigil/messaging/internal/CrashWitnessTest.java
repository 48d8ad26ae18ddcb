package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/**
 * The crash confirmation: only a refused connection to a member's transport port counts as a crash; a member that
 * still listens (it is alive, it merely closed its failure-detection connection) does not.
 */
class CrashWitnessTest {

    @Test
    void aListeningMemberIsAliveAndAClosedPortIsACrash() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        InetSocketAddress address;
        try (ServerSocket live = new ServerSocket(0, 50, lo)) {
            address = new InetSocketAddress(lo, live.getLocalPort());
            assertFalse(CrashWitness.refused(address), "a member whose port accepts connections is alive");
        }
        assertTrue(CrashWitness.refused(address), "nothing listens on the port any more: the process is gone");
    }
}
