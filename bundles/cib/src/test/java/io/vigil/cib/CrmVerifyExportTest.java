package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cib.xml.CibXmlReader;
import io.vigil.cib.xml.CibXmlWriter;

/**
 * Pacemaker's crm_verify as the reference for the XML export: every fully imported corpus input that crm_verify
 * accepts is accepted after import and export too. (Whether vigil verify's judgment agrees with crm_verify is
 * tested where the judgment is made, with the scheduler: the launcher's CrmVerifyAgreementTest.)
 */
class CrmVerifyExportTest {

    @TempDir
    Path tmp;

    @Test
    void exportOfEveryAcceptedInputIsAccepted() throws Exception {
        Path crmVerify = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "crm_verify")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(crmVerify != null, "crm_verify not on PATH (apt-get install pacemaker-cli-utils); skipping");
        List<Path> files = Corpus.xmlFiles();
        ExecutorService pool = Executors.newFixedThreadPool(2); // crm_verify is slow-ish; the machine has 2 cores
        List<Future<String>> results = new ArrayList<>();
        try {
            for (Path f : files) {
                LoadResult r = CibXmlReader.read(f);
                if (!r.isFullyImported()) {
                    continue;
                }
                Path exported = tmp.resolve(f.getFileName());
                Files.writeString(exported, CibXmlWriter.write(r.snapshot()));
                // null: fine (the original is rejected, or both are accepted); else the name of the case
                results.add(pool.submit(() -> passes(crmVerify, f) && !passes(crmVerify, exported) ? Corpus.name(f) : null));
            }
            List<String> exportFailures = new ArrayList<>();
            for (Future<String> fu : results) {
                String failure = fu.get(2, TimeUnit.MINUTES);
                if (failure != null) {
                    exportFailures.add(failure);
                }
            }
            System.out.println("crm_verify: " + results.size() + " fully imported, export rejected for " + exportFailures.size());
            assertTrue(exportFailures.isEmpty(), () -> "crm_verify rejects the export of: " + exportFailures);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean passes(Path crmVerify, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(crmVerify.toString(), "-x", file.toString()).redirectErrorStream(true).start();
        try {
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } finally {
            p.destroyForcibly();
        }
    }
}
