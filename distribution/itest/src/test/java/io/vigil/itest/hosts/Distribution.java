package io.vigil.itest.hosts;

import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.itest.support.Vigil;

/**
 * Which {@code bin/vigil} the test hosts run: {@code distribution/target/vigil} (system property {@code vigil.home},
 * set by the build), or the copy named by {@code -Ditest.vigil.home=DIR} — a frozen copy keeps a long benchmark on
 * one build while the shared distribution is rebuilt, or compares two builds.
 */
final class Distribution {

    private Distribution() {
    }

    static Path bin() {
        String override = System.getProperty("itest.vigil.home");
        if (override == null || override.isBlank()) {
            return Vigil.bin();
        }
        Path bin = Path.of(override).toAbsolutePath().resolve("bin/vigil");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("itest.vigil.home=" + override + " has no executable bin/vigil: give the "
                    + "directory of a built distribution (a copy of distribution/target/vigil)");
        }
        return bin;
    }
}
