package io.vigil.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.vigil.cib.LoadResult;
import io.vigil.cib.tool.CibTool;
import io.vigil.cib.xml.CibXmlReader;

/**
 * Pacemaker's crm_verify as the reference: on every fully imported input of the scheduler corpus, vigil verify's
 * judgment (clean, or errors/warnings) must match crm_verify -x's exit status. Vigil's judgment is exactly what
 * {@code vigil verify} computes: the CIB's validation plus the checks of a scheduler run. Asserted for the
 * committed list of agreeing cases; the count and the cases still disagreeing are printed.
 */
class CrmVerifyAgreementTest {

    @Test
    void judgmentAgreesWithCrmVerify() throws Exception {
        Path crmVerify = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "crm_verify")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(crmVerify != null, "crm_verify not on PATH (apt-get install pacemaker-cli-utils); skipping");
        Optional<Path> corpus = corpus();
        Assumptions.assumeTrue(corpus.isPresent(), "Pacemaker scheduler corpus (../shared/pacemaker-scheduler) not found; skipping");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.get().resolve("xml"))) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        SchedulerChecks scheduling = new SchedulerChecks(Instant.now()); // crm_verify, too, schedules for now
        ExecutorService pool = Executors.newFixedThreadPool(2); // the machine has 2 cores
        List<Future<String[]>> results = new ArrayList<>();
        try {
            for (Path f : files) {
                LoadResult r = CibXmlReader.read(f);
                if (!r.isFullyImported()) {
                    continue;
                }
                boolean vigilClean = CibTool.problems(r, scheduling).stream().noneMatch(p -> p.isError() || p.isWarning());
                results.add(pool.submit(() -> new String[] {name(f), String.valueOf(passes(crmVerify, f)),
                        String.valueOf(vigilClean)}));
            }
            Set<String> agreeing = new TreeSet<>();
            List<String> disagreeing = new ArrayList<>();
            for (Future<String[]> fu : results) {
                String[] x = fu.get(2, TimeUnit.MINUTES);
                if (x[1].equals(x[2])) {
                    agreeing.add(x[0]);
                } else {
                    disagreeing.add(x[0] + (Boolean.parseBoolean(x[1]) ? " (crm_verify ok, vigil not)" : " (vigil ok, crm_verify not)"));
                }
            }
            Set<String> expected = knownAgreeing();
            List<String> regressions = new ArrayList<>(expected);
            regressions.removeAll(agreeing);
            Collections.sort(regressions);
            System.out.println("crm_verify: " + results.size() + " fully imported, judgment agrees on " + agreeing.size()
                    + " (committed list: " + expected.size() + "); disagreeing: " + disagreeing);
            assertTrue(regressions.isEmpty(), () -> "no longer agreeing with crm_verify: " + regressions);
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

    /** The corpus folder, searched from the module directory upwards (shared/pacemaker-scheduler). */
    private static Optional<Path> corpus() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("pacemaker-scheduler");
            if (Files.isDirectory(candidate.resolve("xml"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String name(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - 4);
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
