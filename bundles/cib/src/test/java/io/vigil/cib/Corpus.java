package io.vigil.cib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** Finds Pacemaker's scheduler corpus beside the project (/work/shared/pacemaker-scheduler). */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus folder, searched from the module directory upwards ("../../../shared" from bundles/cib). */
    public static Optional<Path> folder() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("pacemaker-scheduler");
            if (Files.isDirectory(candidate.resolve("xml"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every corpus input, sorted by name; skips the calling test when the corpus is absent. */
    public static List<Path> xmlFiles() throws IOException {
        Optional<Path> folder = folder();
        Assumptions.assumeTrue(folder.isPresent(),
                "Pacemaker scheduler corpus not found (expected ../../../shared/pacemaker-scheduler from bundles/cib); skipping");
        try (Stream<Path> s = Files.list(folder.get().resolve("xml"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    public static String name(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }
}
