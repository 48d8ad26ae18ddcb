package io.vigil.cib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vigil.cib.json.CibJson;
import io.vigil.cib.xml.CibXmlReader;

/** Loads a CIB file in either format, telling them apart by the first non-blank character. */
public final class CibFiles {
    private CibFiles() {
    }

    public enum Format { XML, JSON }

    public static LoadResult load(Path file) throws CibParseException, IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static LoadResult load(String text, String name) throws CibParseException {
        return switch (detect(text)) {
            case JSON -> new LoadResult(CibJson.read(text), List.of());
            case XML -> CibXmlReader.read(text);
        };
    }

    public static Format detect(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' ? Format.JSON : Format.XML;
            }
        }
        return Format.XML;
    }
}
