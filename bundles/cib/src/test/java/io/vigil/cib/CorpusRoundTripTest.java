package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.xml.CibXmlReader;
import io.vigil.cib.xml.CibXmlWriter;

/** XML → model → XML → model and model → JSON → model → JSON are lossless over the whole corpus. */
class CorpusRoundTripTest {

    @Test
    void xmlAndJsonRoundTripsAreLossless() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Path> files = Corpus.xmlFiles();
        for (Path f : files) {
            try {
                CibSnapshot a = CibXmlReader.read(f).snapshot();
                String json = CibJson.write(a);
                CibSnapshot b = CibJson.read(json);
                if (!a.equals(b)) {
                    failures.add(Corpus.name(f) + ": JSON → model differs");
                } else if (!json.equals(CibJson.write(b))) {
                    failures.add(Corpus.name(f) + ": JSON → model → JSON differs");
                }
                CibSnapshot c = CibXmlReader.read(CibXmlWriter.write(a)).snapshot();
                if (!a.equals(c)) {
                    failures.add(Corpus.name(f) + ": XML → model → XML → model differs");
                }
            } catch (Exception | Error e) {
                failures.add(Corpus.name(f) + ": " + e);
            }
        }
        System.out.println("round trip: " + (files.size() - failures.size()) + " of " + files.size() + " lossless");
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
