package io.vigil.cib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.xml.CibXmlReader;

/** Small CIBs for unit tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String smallXml() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/small.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CibSnapshot small() {
        try {
            return CibXmlReader.read(smallXml()).snapshot();
        } catch (CibParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
