package io.vigil.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * {@code vigil shell}: sends command lines to a node's command port and prints the answers. With a command it runs
 * that one command and exits with its exit code; without, it runs each line of standard input and exits with the
 * last non-zero code (0 if all succeeded).
 */
final class ShellClient {

    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final int port;
    private final PrintStream out;
    private final PrintStream err;

    ShellClient(int port, PrintStream out, PrintStream err) {
        this.port = port;
        this.out = out;
        this.err = err;
    }

    int run(String command, BufferedReader stdin) throws UsageException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            if (command != null) {
                return send(w, in, command);
            }
            int last = 0;
            String line;
            while ((line = stdin.readLine()) != null) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int code = send(w, in, line);
                if (code != 0) {
                    last = code;
                }
            }
            return last;
        } catch (ConnectException e) {
            throw new UsageException("no node is listening on command port 127.0.0.1:" + port
                    + " (is the node running? check its 'commandPort')", 3);
        } catch (IOException e) {
            throw new UsageException("lost the connection to the node on port " + port + ": " + e.getMessage(), 3);
        }
    }

    private int send(Writer w, BufferedReader in, String command) throws IOException, UsageException {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new UsageException("a command must be a single line");
        }
        w.write(command);
        w.write('\n');
        w.flush();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            char kind = line.charAt(0);
            String text = line.length() > 2 ? line.substring(2) : "";
            switch (kind) {
                case '1' -> out.println(text);
                case '2' -> err.println(text);
                case '=' -> {
                    out.flush();
                    return Integer.parseInt(text.trim());
                }
                default -> throw new IOException("unexpected answer from the node: " + line);
            }
        }
        throw new IOException("the node closed the connection before answering");
    }
}
