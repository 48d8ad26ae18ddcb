package io.vigil.agent.apache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal HTTP/1.0 GET over a plain socket: no client threads, a hard deadline, runs in whatever network
 * namespace the agent runs in. Only {@code http://} URLs.
 */
final class Http {

    /** A response: status code and body (at most 1 MiB). */
    record Response(int status, String body) {
    }

    private Http() {
    }

    static Response get(URI url, Duration timeout) throws IOException {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IOException("only http://host[:port]/path URLs are supported: " + url);
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        int ms = (int) Math.max(100, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.getHost(), port), ms);
            s.setSoTimeout(ms);
            OutputStream out = s.getOutputStream();
            String host = url.getHost().contains(":") ? "[" + url.getHost() + "]" : url.getHost();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: vigil-apache-agent\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] raw = in.readNBytes(1 << 20);
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int eol = text.indexOf("\r\n");
            String statusLine = eol < 0 ? text : text.substring(0, eol);
            String[] f = statusLine.split(" ");
            if (f.length < 2 || !f[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response from " + url);
            }
            int status = Integer.parseInt(f[1]);
            int body = text.indexOf("\r\n\r\n");
            return new Response(status, body < 0 ? "" : text.substring(body + 4));
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line from " + url);
        }
    }
}
