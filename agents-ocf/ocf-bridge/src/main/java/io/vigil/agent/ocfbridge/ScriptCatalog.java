package io.vigil.agent.ocfbridge;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds OCF scripts: every executable regular file {@code <root>/<provider>/<type>} (symbolic links followed;
 * hidden names and names that are not valid agent names skipped). Keys are {@code provider:type}.
 */
final class ScriptCatalog {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

    private ScriptCatalog() {
    }

    static Map<String, Path> scan(Path root) {
        Map<String, Path> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> providers = Files.newDirectoryStream(root)) {
            for (Path provider : providers) {
                String p = provider.getFileName().toString();
                if (!VALID.matcher(p).matches() || !Files.isDirectory(provider)) {
                    continue;
                }
                try (DirectoryStream<Path> types = Files.newDirectoryStream(provider)) {
                    for (Path script : types) {
                        String t = script.getFileName().toString();
                        if (VALID.matcher(t).matches() && Files.isRegularFile(script)
                                && Files.isExecutable(script)) {
                            found.put(p + ":" + t, script);
                        }
                    }
                } catch (IOException e) {
                    // an unreadable provider directory contributes nothing
                }
            }
        } catch (IOException e) {
            // the root vanished between the check and the listing
        }
        return found;
    }
}
