package io.vigil.shell.crm.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --output-as text|json|xml} (or {@code --output-as=FMT}) anywhere on a crm line, as Pacemaker's tools take it:
 * split off before the line is parsed, so every reading command takes it alike.
 */
public record OutputOption(Format format, List<String> words) {

    /** The output formats. */
    public enum Format { TEXT, JSON, XML }

    static final List<String> NAMES = List.of("text", "json", "xml");

    public static OutputOption split(List<String> words) {
        Format format = Format.TEXT;
        List<String> rest = new ArrayList<>();
        List<Token> tokens = CrmLexer.tokens(words);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String value;
            int at = i;
            if (w.equals("--output-as")) {
                if (i + 1 >= words.size()) {
                    throw CrmSyntaxException.at(tokens, -1, "missing format after --output-as (text, json or xml)");
                }
                value = words.get(++i);
                at = i;
            } else if (w.startsWith("--output-as=")) {
                value = w.substring("--output-as=".length());
            } else {
                rest.add(w);
                continue;
            }
            if (!NAMES.contains(value)) {
                throw CrmSyntaxException.at(tokens, at, "unknown output format '" + value + "'"
                        + Suggest.hint(value, NAMES));
            }
            format = Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
        return new OutputOption(format, List.copyOf(rest));
    }
}
