package io.vigil.agent.lsb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Keeps one {@link LsbAgent} registered per executable in the init directory: {@link #rescan()} registers new
 * scripts and unregisters vanished ones. Registration is delegated, so this class has no framework dependency.
 */
final class LsbScripts {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

    private final Path root;
    private final BiFunction<String, LsbAgent, Runnable> registrar;
    private final Map<String, Runnable> registered = new HashMap<>();

    LsbScripts(Path root, BiFunction<String, LsbAgent, Runnable> registrar) {
        this.root = root;
        this.registrar = registrar;
    }

    static Map<String, Path> scan(Path root) {
        Map<String, Path> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (VALID.matcher(name).matches() && !name.endsWith(".dpkg-old") && !name.endsWith(".dpkg-dist")
                        && Files.isRegularFile(p) && Files.isExecutable(p)) {
                    found.put(name, p);
                }
            }
        } catch (IOException e) {
            // nothing this round
        }
        return found;
    }

    synchronized void rescan() {
        Map<String, Path> now = scan(root);
        registered.entrySet().removeIf(e -> {
            if (!now.containsKey(e.getKey())) {
                e.getValue().run();
                return true;
            }
            return false;
        });
        now.forEach((name, path) -> registered.computeIfAbsent(name,
                n -> registrar.apply(n, new LsbAgent(path))));
    }

    synchronized void clear() {
        registered.values().forEach(Runnable::run);
        registered.clear();
    }
}
