package io.vigil.cib.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.vigil.cib.CibParseException;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;

/**
 * The on-disk form: a header line {@code vigil-cib sha256=HEX} followed by the JSON body. The checksum covers
 * the body, so a truncated, torn or hand-edited file is detected.
 */
final class StoredFile {
    private static final String MAGIC = "vigil-cib sha256=";

    private StoredFile() {
    }

    static byte[] encode(CibSnapshot snapshot) {
        String body = CibJson.write(snapshot);
        return (MAGIC + sha256(body) + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    static CibSnapshot decode(byte[] bytes) throws CibParseException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (!text.startsWith(MAGIC) || nl < 0) {
            throw new CibParseException(null, "no vigil-cib checksum header", null);
        }
        String expected = text.substring(MAGIC.length(), nl).trim();
        String body = text.substring(nl + 1);
        if (!expected.equals(sha256(body))) {
            throw new CibParseException(null, "checksum mismatch (file is corrupt, torn or was edited by hand)", null);
        }
        return CibJson.read(body);
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
