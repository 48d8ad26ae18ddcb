package io.vigil.cib.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cib.Fixtures;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Status;

class CibStoreTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsConfigurationWithoutStatus() throws Exception {
        CibStore store = new CibStore(dir, 2);
        CibSnapshot s = Fixtures.small();
        store.save(s);
        LoadReport r = store.load();
        assertEquals(s.withStatus(Status.EMPTY), r.snapshot().orElseThrow());
        assertTrue(!r.fellBack());
    }

    @Test
    void corruptFileFallsBackToNewestGoodBackupAndSaysSo() throws Exception {
        CibStore store = new CibStore(dir, 2);
        CibSnapshot s = Fixtures.small();
        for (int i = 0; i < 4; i++) {
            s = s.withVersion(s.version().nextConfiguration());
            store.save(s);
        }
        assertEquals(2, store.backups().size(), "keeps the last N backups");
        Path current = dir.resolve(CibStore.CURRENT);
        String text = Files.readString(current);
        Files.writeString(current, text.replace("\"stonith-enabled\"", "\"stonith-enab1ed\""));
        LoadReport r = store.load();
        assertTrue(r.fellBack());
        assertEquals(s.version().epoch() - 1, r.snapshot().orElseThrow().version().epoch());
        assertTrue(r.steps().get(0).contains("checksum mismatch"), r.steps().toString());
        assertTrue(r.steps().get(1).contains("fell back to backup"), r.steps().toString());
    }

    @Test
    void killedWriterNeverLosesAnAcknowledgedVersion() throws Exception {
        Random random = new Random(42);
        long lastAck = -1;
        for (int round = 0; round < 4; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int target = 5 + random.nextInt(60);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (int acks = 0; acks < target; acks++) {
                    String line = out.readLine();
                    if (line == null) {
                        break;
                    }
                    lastAck = Long.parseLong(line.substring(4));
                }
                // SIGKILL while it keeps writing; acknowledgements still in the pipe are not counted.
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            LoadReport r = new CibStore(dir, 3).load();
            long loaded = r.snapshot().orElseThrow(() -> new AssertionError(r.steps())).version().epoch();
            assertTrue(loaded >= lastAck, "loaded epoch " + loaded + " < acknowledged " + lastAck + ": " + r.steps());
        }
    }
}
