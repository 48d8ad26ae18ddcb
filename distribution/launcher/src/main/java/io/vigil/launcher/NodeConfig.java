package io.vigil.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;

/**
 * The part of a node's JSON config the launcher needs: who the node is, where its state and deploy folders are,
 * and its command port. Other sections ({@code cluster}, {@code quorum}, …) are read by the bundles that own
 * them, from the same file.
 *
 * @param file the config file, absolute
 * @param name the node name
 * @param stateDir the node's state directory, absolute
 * @param deployDir the folder watched for agent bundles, absolute
 * @param commandPort the loopback TCP port of the command port
 * @param shippedAgents whether the agents shipped with Vigil are put into the deploy folder on the node's first
 *        start (like installing a package); the administrator may remove them from there afterwards
 */
record NodeConfig(Path file, String name, Path stateDir, Path deployDir, int commandPort, boolean shippedAgents) {

    static NodeConfig load(Path file) throws UsageException {
        Path abs = file.toAbsolutePath().normalize();
        JsonObject root;
        try (Reader r = Files.newBufferedReader(abs, StandardCharsets.UTF_8)) {
            JsonReader jr = new JsonReader(r);
            JsonElement e = JsonParser.parseReader(jr);
            if (!e.isJsonObject()) {
                throw new UsageException("node config " + abs + ": expected a JSON object {…} at the top level");
            }
            root = e.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new UsageException("node config " + abs + " does not exist");
        } catch (IOException e) {
            throw new UsageException("node config " + abs + " cannot be read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new UsageException("node config " + abs + " is not valid JSON: " + jsonProblem(e));
        }
        String name = requireString(abs, root, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new UsageException("node config " + abs + ": field 'name' must be a host-name-like word "
                    + "(letters, digits, '.', '_', '-'), not '" + name + "'");
        }
        Path stateDir = resolve(abs, requireString(abs, root, "stateDir"));
        Path deployDir = root.has("deployDir") ? resolve(abs, requireString(abs, root, "deployDir"))
                : stateDir.resolve("deploy");
        int port = requirePort(abs, root);
        boolean shipped = true;
        JsonElement sa = root.get("shippedAgents");
        if (sa != null && !sa.isJsonNull()) {
            if (!sa.isJsonPrimitive() || !sa.getAsJsonPrimitive().isBoolean()) {
                throw new UsageException("node config " + abs + ": field 'shippedAgents' must be true or false, not "
                        + sa);
            }
            shipped = sa.getAsBoolean();
        }
        return new NodeConfig(abs, name, stateDir, deployDir, port, shipped);
    }

    private static String jsonProblem(JsonParseException e) {
        Throwable cause = e.getCause() instanceof MalformedJsonException || e.getCause() instanceof IOException
                ? e.getCause() : e;
        String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        int see = m.indexOf("\nSee ");
        return see > 0 ? m.substring(0, see) : m;
    }

    private static Path resolve(Path configFile, String path) {
        Path p = Path.of(path);
        return (p.isAbsolute() ? p : configFile.getParent().resolve(p)).normalize();
    }

    private static String requireString(Path file, JsonObject root, String field) throws UsageException {
        JsonElement e = root.get(field);
        if (e == null || e.isJsonNull()) {
            throw new UsageException("node config " + file + ": missing required field '" + field + "'");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new UsageException("node config " + file + ": field '" + field + "' must be a non-empty string");
        }
        return e.getAsString();
    }

    private static int requirePort(Path file, JsonObject root) throws UsageException {
        JsonElement e = root.get("commandPort");
        if (e == null || e.isJsonNull()) {
            throw new UsageException("node config " + file + ": missing required field 'commandPort'");
        }
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                double d = e.getAsDouble();
                if (d == Math.rint(d) && d >= 1 && d <= 65535) {
                    return (int) d;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("node config " + file + ": field 'commandPort' must be a TCP port number "
                + "1-65535, not " + e);
    }
}
