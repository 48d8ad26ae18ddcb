package io.vigil.itest.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One open connection to a node's command port, speaking the port's line protocol directly ({@code 1 text} =
 * standard output, {@code 2 text} = standard error, {@code = code} ends an answer), so a test can stream many
 * commands without starting a {@code bin/vigil shell} JVM for each and knows exactly which ones were answered.
 */
public final class ShellSession implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    private ShellSession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Connects to {@code 127.0.0.1:port}; answers must come within {@code readTimeoutMs}. */
    public static ShellSession open(int port, int readTimeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 3000);
            s.setSoTimeout(readTimeoutMs);
            return new ShellSession(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Runs one command line and returns its answer.
     *
     * @throws IOException when the connection breaks or closes before the answer is complete (the command's
     *         outcome is then unknown)
     */
    public Vigil.Result run(String command) throws IOException {
        out.write(command);
        out.write('\n');
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
                default -> throw new IOException("unexpected answer line: " + line);
            }
        }
        throw new IOException("connection closed before the answer to '" + command + "' was complete");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
