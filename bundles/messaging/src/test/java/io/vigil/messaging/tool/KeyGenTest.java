package io.vigil.messaging.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyGenTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KeyGen.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void writesARandomKeyReadableByTheOwnerOnly() throws Exception {
        Path f = dir.resolve("authkey");
        assertEquals(0, run(f.toString()));
        byte[] k1 = Files.readAllBytes(f);
        assertEquals(KeyGen.KEY_BYTES, k1.length);
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(out.toString().contains(f.toString()));

        assertEquals(1, run(f.toString()), "an existing key is not replaced");
        assertTrue(err.toString().contains("--force"));
        assertEquals(0, run("--force", f.toString()));
        assertFalse(Arrays.equals(k1, Files.readAllBytes(f)));
    }

    @Test
    void usageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("a", "b"));
        assertEquals(2, run("--bogus", "a"));
        assertTrue(err.toString().startsWith("usage: vigil keygen"));
        assertEquals(1, run(dir.resolve("missing/dir/key").toString()));
    }
}
