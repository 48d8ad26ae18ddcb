package io.vigil.cib.json;

import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

/**
 * Every CIB must stay exportable as Pacemaker XML, so JSON keys (field names and attribute names) must be XML
 * names and strings may hold only characters XML allows. Checked before mapping, so the error names the path.
 */
final class XmlSafeCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][-A-Za-z0-9_.#]*");

    private XmlSafeCheck() {
    }

    static void check(JsonElement e, String path) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                String p = path + "." + m.getKey();
                if (!NAME.matcher(m.getKey()).matches()) {
                    throw new JsonParseException(p + ": '" + m.getKey() + "' is not a valid attribute name");
                }
                check(m.getValue(), p);
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                check(a.get(i), path + "[" + i + "]");
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                    throw new JsonParseException(path + ": contains a control character XML cannot hold (U+"
                            + String.format("%04X", (int) c) + ")");
                }
            }
        }
    }
}
