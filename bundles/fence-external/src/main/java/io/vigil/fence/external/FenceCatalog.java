package io.vigil.fence.external;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Finds fence executables: every executable regular file {@code <directory>/fence_<name>}. */
final class FenceCatalog {

    static final Pattern NAME = Pattern.compile("fence_[A-Za-z0-9_]+");

    private FenceCatalog() {
    }

    static Map<String, Path> scan(Path directory) {
        Map<String, Path> found = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, "fence_*")) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (NAME.matcher(name).matches() && Files.isRegularFile(p) && Files.isExecutable(p)) {
                    found.put(name, p);
                }
            }
        } catch (IOException e) {
            // the directory vanished between the check and the listing: nothing is there
        }
        return found;
    }
}
