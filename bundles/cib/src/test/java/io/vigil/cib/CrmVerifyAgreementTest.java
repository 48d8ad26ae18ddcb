package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.xml.CibXmlReader;
import io.vigil.cib.xml.CibXmlWriter;

/**
 * Pacemaker's crm_verify as the reference, on every fully imported corpus input: (1) the exported XML of every
 * input crm_verify accepts is accepted too; (2) vigil verify's judgment (clean or not) agrees with crm_verify -x
 * on the original — asserted for the committed list of agreeing cases, the count is printed.
 */
class CrmVerifyAgreementTest {

    @TempDir
    Path tmp;

    @Test
    void exportPassesAndJudgmentAgrees() throws Exception {
        Path crmVerify = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "crm_verify")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(crmVerify != null, "crm_verify not on PATH (apt-get install pacemaker-cli-utils); skipping");
        List<Path> files = Corpus.xmlFiles();
        ExecutorService pool = Executors.newFixedThreadPool(2); // crm_verify is slow-ish; the machine has 2 cores
        List<Future<String[]>> results = new ArrayList<>();
        for (Path f : files) {
            LoadResult r = CibXmlReader.read(f);
            if (!r.isFullyImported()) {
                continue;
            }
            boolean vigilClean = Validator.forDocuments(AgentCatalog.NONE).validate(r.snapshot()).stream()
                    .noneMatch(p -> p.isError() || p.isWarning());
            Path exported = tmp.resolve(f.getFileName());
            Files.writeString(exported, CibXmlWriter.write(r.snapshot()));
            results.add(pool.submit(() -> {
                boolean original = passes(crmVerify, f);
                boolean export = !original || passes(crmVerify, exported);
                return new String[] {Corpus.name(f), String.valueOf(original), String.valueOf(vigilClean), String.valueOf(export)};
            }));
        }
        List<String> exportFailures = new ArrayList<>();
        Set<String> agreeing = new TreeSet<>();
        for (Future<String[]> fu : results) {
            String[] x = fu.get(2, TimeUnit.MINUTES);
            if (!Boolean.parseBoolean(x[3])) {
                exportFailures.add(x[0]);
            }
            if (x[1].equals(x[2])) {
                agreeing.add(x[0]);
            }
        }
        pool.shutdown();
        Set<String> expected = knownAgreeing();
        List<String> regressions = new ArrayList<>(expected);
        regressions.removeAll(agreeing);
        Collections.sort(regressions);
        System.out.println("crm_verify: " + results.size() + " fully imported, export rejected for " + exportFailures.size()
                + ", judgment agrees on " + agreeing.size() + " (committed list: " + expected.size() + ")");
        assertTrue(exportFailures.isEmpty(), () -> "crm_verify rejects the export of: " + exportFailures);
        assertTrue(regressions.isEmpty(), () -> "no longer agreeing with crm_verify: " + regressions);
    }

    private static boolean passes(Path crmVerify, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(crmVerify.toString(), "-x", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor() == 0;
    }

    private static Set<String> knownAgreeing() throws IOException {
        try (InputStream in = CrmVerifyAgreementTest.class.getResourceAsStream("/crm-verify-agreeing.txt")) {
            Set<String> names = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        }
    }
}
