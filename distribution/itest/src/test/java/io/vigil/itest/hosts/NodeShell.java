package io.vigil.itest.hosts;

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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.vigil.itest.support.Vigil;

/**
 * One command on a host's command port, reached from outside its namespace through a Unix socket that a
 * {@code socat} inside the namespace forwards to {@code 127.0.0.1:<commandPort>} (a test process in the root
 * namespace can then talk to it without a route into the test network). Speaks the port's line protocol
 * ({@code 1 text} stdout, {@code 2 text} stderr, {@code = code} end). A frozen node never answers: the connection
 * is closed after the time limit.
 */
final class NodeShell {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-shell-watchdog");
        t.setDaemon(true);
        return t;
    });

    private NodeShell() {
    }

    /** Runs one command line; the result has exit code -1 (and the reason as stderr) when there was no answer. */
    static Vigil.Result run(Path socket, String command, Duration limit) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                try {
                    ch.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                Writer out = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.UTF_8));
                out.write(command + "\n");
                out.flush();
                StringBuilder o = new StringBuilder();
                StringBuilder e = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String text = line.length() > 2 ? line.substring(2) : "";
                    switch (line.charAt(0)) {
                        case '1' -> o.append(text).append('\n');
                        case '2' -> e.append(text).append('\n');
                        case '=' -> {
                            return new Vigil.Result(Integer.parseInt(text.trim()), o.toString(), e.toString());
                        }
                        default -> {
                            return new Vigil.Result(-1, o.toString(), "unexpected answer line: " + line);
                        }
                    }
                }
                return new Vigil.Result(-1, o.toString(), "connection closed before the answer was complete");
            } finally {
                watchdog.cancel(false);
            }
        } catch (IOException e) {
            return new Vigil.Result(-1, "", "no answer within " + limit.toMillis() + " ms: " + e);
        }
    }
}
