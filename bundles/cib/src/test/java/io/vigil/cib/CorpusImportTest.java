package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.Unsupported;
import io.vigil.cib.xml.CibXmlReader;

/** Every corpus input imports without an exception; unsupported parts are named. */
class CorpusImportTest {

    @Test
    void everyCorpusInputImports() throws Exception {
        List<Path> files = Corpus.xmlFiles();
        assertEquals(799, files.size(), "corpus size");
        List<String> failures = new ArrayList<>();
        int full = 0;
        Map<String, Integer> unsupportedKinds = new TreeMap<>();
        for (Path f : files) {
            try {
                LoadResult r = CibXmlReader.read(f);
                if (r.isFullyImported()) {
                    full++;
                }
                for (Unsupported u : r.unsupported()) {
                    unsupportedKinds.merge(u.element() + ": " + u.reason().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
                }
            } catch (Exception | Error e) {
                failures.add(Corpus.name(f) + ": " + e);
            }
        }
        System.out.println("corpus: " + files.size() + " files, fully imported " + full);
        unsupportedKinds.forEach((k, v) -> System.out.println("  unsupported " + v + " × " + k));
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertTrue(full >= 550, "fully imported: " + full);
    }
}
