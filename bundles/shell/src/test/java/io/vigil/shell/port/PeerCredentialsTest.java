package io.vigil.shell.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command port's peer-credential lookup over a real loopback connection: the client's socket is found in the
 * kernel's table with this process's uid; the owner check accepts it. (That another user is refused is shown by
 * the process test {@code CommandPortAccessTest}, which runs a client as nobody.)
 */
class PeerCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void theClientOfALoopbackConnectionIsThisProcesssUser() throws Exception {
        int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            InetSocketAddress peer = (InetSocketAddress) accepted.getRemoteSocketAddress();
            InetSocketAddress local = (InetSocketAddress) accepted.getLocalSocketAddress();
            assertEquals(OptionalInt.of(me), PeerCredentials.uid(peer, local));
            // the server's own end is not taken for the client: swapping the ends finds the accepted socket
            assertEquals(client.getLocalPort(), peer.getPort());
            assertNull(Owner.of(dir.toString()).refusal(peer, local), "the owner of the state directory is served");
            // without any socket table nothing is found, and the port refuses (fails closed)
            assertTrue(PeerCredentials.uid(peer, local, List.of(dir.resolve("absent"))).isEmpty());
        }
    }

    @Test
    void kernelAddressesAreDecoded() throws Exception {
        // /proc/net/tcp prints addresses as 32-bit words in host byte order (little-endian on x86-64 and arm64)
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080),
                PeerCredentials.endpoint("0100007F:1F90"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80),
                PeerCredentials.endpoint("0000000000000000FFFF00000100007F:0050"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 22),
                PeerCredentials.endpoint("00000000000000000000000001000000:0016"));
    }
}
