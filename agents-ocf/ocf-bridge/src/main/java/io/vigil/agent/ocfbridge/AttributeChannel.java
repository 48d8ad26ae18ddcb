package io.vigil.agent.ocfbridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.api.attribute.NodeAttributes;

/**
 * The file channel between the attribute shims a script calls and the node attribute service, for one action.
 *
 * <p>Before the action the bridge writes {@code VIGIL_ATTR_SNAPSHOT} ({@code node<TAB>name<TAB>value} per line: the
 * node's current attributes, so queries work) and creates an empty {@code VIGIL_ATTR_LOG}; both live in
 * {@code <run directory>/vigil-attr/}. The shims append {@code set<TAB>node<TAB>name<TAB>value<TAB>dampen} and
 * {@code delete<TAB>node<TAB>name<TAB><TAB>dampen} lines. After the action the bridge applies the lines in order to
 * {@link NodeAttributes} and deletes both files. Dampening uses Pacemaker's spelling ({@code 5s}, {@code 500ms},
 * {@code 1m}; a bare number is seconds).
 */
final class AttributeChannel implements AutoCloseable {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|msec|s|sec|m|min|h|hr)?\\s*");

    private final Path snapshot;
    private final Path log;

    private AttributeChannel(Path snapshot, Path log) {
        this.snapshot = snapshot;
        this.log = log;
    }

    static AttributeChannel open(Path runDirectory, String node, NodeAttributes attributes) throws IOException {
        Path dir = Files.createDirectories(runDirectory.resolve("vigil-attr"));
        String id = UUID.randomUUID().toString();
        Path snapshot = dir.resolve(id + ".snapshot");
        Path log = dir.resolve(id + ".log");
        StringBuilder b = new StringBuilder();
        if (attributes != null) {
            for (Map.Entry<String, String> e : attributes.all(node).entrySet()) {
                if (clean(e.getKey()) && clean(e.getValue())) {
                    b.append(node).append('\t').append(e.getKey()).append('\t').append(e.getValue()).append('\n');
                }
            }
        }
        Files.writeString(snapshot, b.toString(), StandardCharsets.UTF_8);
        Files.writeString(log, "", StandardCharsets.UTF_8);
        return new AttributeChannel(snapshot, log);
    }

    Map<String, String> environment() {
        return Map.of("VIGIL_ATTR_SNAPSHOT", snapshot.toString(), "VIGIL_ATTR_LOG", log.toString());
    }

    /** One update a shim asked for. */
    record Update(boolean delete, String node, String name, String value, Duration dampen) {
    }

    List<Update> updates() throws IOException {
        List<Update> updates = new ArrayList<>();
        if (!Files.exists(log)) {
            return updates;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length != 5 || f[2].isEmpty() || f[1].isEmpty()) {
                continue;
            }
            if (f[0].equals("set")) {
                updates.add(new Update(false, f[1], f[2], f[3], dampen(f[4])));
            } else if (f[0].equals("delete")) {
                updates.add(new Update(true, f[1], f[2], null, dampen(f[4])));
            }
        }
        return updates;
    }

    /**
     * Applies the shims' updates to the attribute service; returns a note for the action's output when there were
     * updates but no service to take them, else the empty string.
     */
    String apply(NodeAttributes attributes) throws IOException {
        List<Update> updates = updates();
        if (updates.isEmpty()) {
            return "";
        }
        if (attributes == null) {
            return "node attribute updates dropped (no attribute service): " + updates;
        }
        for (Update u : updates) {
            if (u.delete()) {
                attributes.delete(u.node(), u.name());
            } else {
                attributes.set(u.node(), u.name(), u.value(), u.dampen());
            }
        }
        return "";
    }

    static Duration dampen(String s) {
        Matcher m = DURATION.matcher(s == null ? "" : s);
        if (!m.matches()) {
            return Duration.ZERO;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms", "msec" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h", "hr" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static boolean clean(String s) {
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // leftovers in the run directory are harmless
        }
    }
}
