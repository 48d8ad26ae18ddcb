package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.vigil.cib.json.CibJson;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.xml.CibXmlReader;
import io.vigil.cib.xml.CibXmlWriter;

/** Mutated JSON and XML inputs either load or are rejected with the library's own exception; nothing else escapes. */
class FuzzTest {

    private static final String[] TOKENS = {"<", ">", "\"", "{", "}", "[", "]", ",", ":", "null", "-1", "\"x\"",
            "<primitive/>", "<rule id=\"r\"/>", "\"element\":\"clone\"", "\"score\":\"abc\"", "true", "\u0000", "&amp;", "&bogus;"};

    @Test
    void mutatedInputsLoadOrAreRejectedCleanly() throws Exception {
        List<Path> small = Corpus.xmlFiles().stream().filter(p -> p.toFile().length() < 12_000).limit(25).toList();
        Random random = new Random(20261121);
        List<String> escaped = new ArrayList<>();
        int loaded = 0;
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            Path seed = small.get(random.nextInt(small.size()));
            String xml = Files.readString(seed);
            String base = i % 2 == 0 ? xml : CibJson.write(CibXmlReader.read(xml).snapshot());
            String input = mutate(base, random);
            try {
                LoadResult r = CibFiles.load(input, "fuzz");
                Validator.forDocuments(AgentCatalog.NONE).validate(r.snapshot());
                CibXmlWriter.write(r.snapshot());
                CibJson.write(r.snapshot());
                loaded++;
            } catch (CibParseException e) {
                rejected++;
            } catch (RuntimeException | Error e) {
                escaped.add(Corpus.name(seed) + " #" + i + ": " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
            }
        }
        System.out.println("fuzz: " + loaded + " loaded, " + rejected + " rejected, " + escaped.size() + " escaped");
        assertTrue(escaped.isEmpty(), () -> String.join("\n", escaped.subList(0, Math.min(20, escaped.size()))));
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length() > 2; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> b.setLength(Math.max(1, at)); // truncation, as a torn file would be
                default -> {
                    int end = Math.min(b.length(), at + random.nextInt(200));
                    b.insert(end, b.substring(at, end)); // duplicated fragment
                }
            }
        }
        return b.toString();
    }
}
