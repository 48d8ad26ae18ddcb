package io.vigil.scheduler;

import io.vigil.cib.CibFiles;
import io.vigil.cib.model.CibSnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole corpus scheduled twice gives identical serialized output (graph, summary, scores, verdict). */
class DeterminismTest {

    static String serialize(Transition t) {
        StringBuilder sb = new StringBuilder(t.verdictJson());
        t.actions().forEach(a -> sb.append(a).append(a.inputs()).append(a.params()).append('\n'));
        t.summary().text().forEach(l -> sb.append(l).append('\n'));
        t.scores().forEach(s -> sb.append(s.text()).append('\n'));
        t.explanations().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    @Test
    void corpusTwiceIsIdentical() throws Exception {
        var dir = Corpus.dir();
        Assumptions.assumeTrue(dir != null, "corpus not found");
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        int n = 0;
        for (Corpus.Case c : Corpus.cases(dir)) {
            if (!java.nio.file.Files.exists(dir.resolve("xml").resolve(c.name() + ".xml"))) {
                continue;
            }
            CibSnapshot cib = CibFiles.load(dir.resolve("xml").resolve(c.name() + ".xml")).snapshot();
            String a = serialize(Scheduler.schedule(cib, now));
            CibSnapshot again = CibFiles.load(dir.resolve("xml").resolve(c.name() + ".xml")).snapshot();
            String b = serialize(Scheduler.schedule(again, now));
            assertEquals(a, b, c.name());
            n++;
        }
        System.out.println("determinism: " + n + " cases identical");
    }
}
