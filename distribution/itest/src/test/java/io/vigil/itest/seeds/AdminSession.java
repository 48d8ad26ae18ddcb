package io.vigil.itest.seeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.vigil.itest.hosts.HostCluster;
import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Vigil;

/**
 * An administrator's interactive shell on one host: several command lines over one command-port connection, so
 * that {@code crm configure}, the configure lines and {@code commit} are one crmsh session as in the seeds. Reaches
 * the port through the host's forwarder socket ({@code DIR/NAME.sock}, where {@link HostCluster} puts it).
 */
final class AdminSession implements AutoCloseable {

    private final String host;
    private final SocketChannel channel;
    private final Writer out;
    private final BufferedReader in;

    AdminSession(HostCluster cluster, TestHost h) {
        this.host = h.name();
        Path socket = cluster.dir().resolve(h.name() + ".sock");
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new AssertionError("cannot open a shell session on host " + host + " (" + socket + "): " + e, e);
        }
        out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Types one line and reads its answer (the port's frames: {@code 1 out}, {@code 2 err}, {@code = code}). */
    Vigil.Result type(String line) {
        try {
            out.write(line + "\n");
            out.flush();
            StringBuilder o = new StringBuilder();
            StringBuilder e = new StringBuilder();
            String l;
            while ((l = in.readLine()) != null) {
                if (l.isEmpty()) {
                    continue;
                }
                String text = l.length() > 2 ? l.substring(2) : "";
                switch (l.charAt(0)) {
                    case '1' -> o.append(text).append('\n');
                    case '2' -> e.append(text).append('\n');
                    case '=' -> {
                        return new Vigil.Result(Integer.parseInt(text.trim()), o.toString(), e.toString());
                    }
                    default -> throw new AssertionError("unexpected answer line from host " + host + ": " + l);
                }
            }
            throw new AssertionError("host " + host + " closed the session after '" + line + "'");
        } catch (IOException e) {
            throw new AssertionError("session on host " + host + " failed at '" + line + "': " + e, e);
        }
    }

    /** Types a line that must succeed; returns its output. */
    String ok(String line) {
        Vigil.Result r = type(line);
        if (r.exitCode() != 0) {
            throw new AssertionError("'" + line + "' in the session on host " + host + " failed (" + r.exitCode()
                    + "): " + r.err() + r.out());
        }
        return r.out();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
