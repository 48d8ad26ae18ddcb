package io.vigil.shell.port;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The node's command port: runs Gogo command lines sent over a local TCP connection (the {@code vigil shell}
 * client) and answers in the {@link Frame} protocol. The listening socket is bound by the launcher, on 127.0.0.1
 * only, before the framework starts (so a port conflict is reported before anything else happens); this component
 * serves it while Gogo is present. Connections from anything but loopback are closed at once; a loopback connection
 * is served only when it comes from the user that owns the node's state directory (Pacemaker lets only its own
 * users at its IPC), found through {@link PeerCredentials}; anyone else gets one error line and exit code
 * {@link #REFUSED} (EX_NOPERM).
 */
@Component
public class CommandPort {

    private static final System.Logger LOG = System.getLogger(CommandPort.class.getName());
    private static final int MAX_CONNECTIONS = 16;
    /** The exit code a refused connection is answered with (sysexits EX_NOPERM). */
    static final int REFUSED = 77;

    private final ServerSocket server;
    private final CommandProcessor processor;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean running = true;
    private final Owner owner;

    @Activate
    public CommandPort(BundleContext context, @Reference(target = "(vigil.commandPort=*)") ServerSocket server,
            @Reference CommandProcessor processor) {
        this.server = server;
        this.processor = processor;
        this.owner = Owner.of(context.getProperty("vigil.stateDir"));
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newFixedThreadPool(MAX_CONNECTIONS, r -> {
            Thread t = new Thread(r, "vigil-command-port-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "vigil-command-port");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(System.Logger.Level.INFO, "command port listening on " + server.getLocalSocketAddress());
    }

    private void acceptLoop() {
        while (running) {
            try {
                server.setSoTimeout(250);
                Socket s = server.accept();
                if (!s.getInetAddress().isLoopbackAddress()) {
                    LOG.log(System.Logger.Level.WARNING, "refused command connection from " + s.getInetAddress());
                    s.close();
                    continue;
                }
                open.add(s);
                connections.execute(() -> {
                    String refusal = owner.refusal((InetSocketAddress) s.getRemoteSocketAddress(),
                            (InetSocketAddress) s.getLocalSocketAddress());
                    if (refusal == null) {
                        serve(s);
                    } else {
                        refuse(s, refusal);
                    }
                });
            } catch (java.net.SocketTimeoutException e) {
                // poll 'running'
            } catch (IOException e) {
                if (running && !server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "command port accept failed: " + e.getMessage());
                } else {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8)); Writer out = new BufferedWriter(new OutputStreamWriter(
                        s.getOutputStream(), StandardCharsets.UTF_8)); CommandRunner runner = new CommandRunner(
                                processor)) {
            String line;
            while (running && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    out.write(Frame.END + " 0\n");
                    out.flush();
                    continue;
                }
                CommandRunner.Outcome outcome = runner.run(line);
                writeLines(out, Frame.OUT, outcome.out());
                writeLines(out, Frame.ERR, outcome.err());
                out.write(Frame.END + " " + outcome.exitCode() + "\n");
                out.flush();
            }
        } catch (SocketException e) {
            // client went away
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "command connection failed: " + e);
        } finally {
            open.remove(s);
        }
    }

    /** Answers every connection attempt with the reason and {@link #REFUSED}, then waits for the client to go. */
    private void refuse(Socket s, String why) {
        LOG.log(System.Logger.Level.WARNING, "refused command connection from " + s.getRemoteSocketAddress() + ": "
                + why);
        try (s) {
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            out.write(Frame.ERR + " " + why.replace('\n', ' ') + "\n" + Frame.END + " " + REFUSED + "\n");
            out.flush();
            s.shutdownOutput();
            // read what the client sent until it closes, so closing here cannot reset the answer away
            s.setSoTimeout(2000);
            byte[] sink = new byte[512];
            long budget = 64 * 1024;
            for (int n; budget > 0 && (n = s.getInputStream().read(sink)) >= 0; budget -= n) {
                // discard
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    private static void writeLines(Writer out, char prefix, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String l : body.split("\n", -1)) {
            out.write(prefix);
            out.write(' ');
            out.write(l);
            out.write('\n');
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.join(2000);
        connections.shutdownNow();
        connections.awaitTermination(2, TimeUnit.SECONDS);
    }
}
