package io.vigil.agent.testkit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line protocol between {@link AgentHandle} (test JVM) and {@link AgentHost} (JVM inside the node): one request
 * or reply per line, as tab-separated {@code key=value} fields, each key and value URL-encoded.
 */
final class Wire {

    private Wire() {
    }

    static String encode(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (b.length() > 0) {
                b.append('\t');
            }
            b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static Map<String, String> decode(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        if (line.isEmpty()) {
            return m;
        }
        for (String f : line.split("\t")) {
            int eq = f.indexOf('=');
            m.put(URLDecoder.decode(f.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(f.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
