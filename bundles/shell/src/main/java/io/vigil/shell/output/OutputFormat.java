package io.vigil.shell.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Suggestions;

/** The output formats of reading commands, as Pacemaker's tools name them ({@code --output-as FORMAT}). */
public enum OutputFormat {
    TEXT, JSON, XML;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Takes {@code --output-as FORMAT} / {@code --output-as=FORMAT} out of {@code args} (which it edits).
     *
     * @param line the whole command line, for error pointers (the command name first)
     * @param offset where {@code args} start in {@code line}
     * @param supported the formats this command can make
     */
    public static OutputFormat take(List<String> line, int offset, List<String> args, Set<OutputFormat> supported) {
        OutputFormat format = TEXT;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value;
            int valueIndex;
            if (a.equals("--output-as")) {
                if (i + 1 >= args.size()) {
                    throw new CommandSyntaxException("missing format after --output-as (" + words(supported) + ")",
                            line, offset + i + 1);
                }
                value = args.get(i + 1);
                valueIndex = i + 1;
            } else if (a.startsWith("--output-as=")) {
                value = a.substring("--output-as=".length());
                valueIndex = i;
            } else {
                continue;
            }
            format = parse(value, supported, line, offset + valueIndex);
            args.subList(i, valueIndex + 1).clear();
            i--;
        }
        return format;
    }

    private static OutputFormat parse(String value, Set<OutputFormat> supported, List<String> line, int index) {
        List<String> names = new ArrayList<>();
        for (OutputFormat f : values()) {
            if (supported.contains(f)) {
                names.add(f.word());
            }
        }
        for (OutputFormat f : values()) {
            if (f.word().equals(value.toLowerCase(Locale.ROOT)) && supported.contains(f)) {
                return f;
            }
        }
        throw new CommandSyntaxException("unsupported output format '" + value + "'" + Suggestions.hint(value, names),
                line, index);
    }

    private static String words(Set<OutputFormat> supported) {
        List<String> names = new ArrayList<>();
        for (OutputFormat f : values()) {
            if (supported.contains(f)) {
                names.add(f.word());
            }
        }
        return String.join(", ", names);
    }

    /** Renders in this format from the suppliers (XML only when the command supports it). */
    public String render(Supplier<String> text, Supplier<JsonElement> json, Supplier<String> xml) {
        return switch (this) {
            case TEXT -> text.get();
            case JSON -> json(json.get());
            case XML -> {
                if (xml == null) {
                    throw new IllegalArgumentException("this command has no XML output; use --output-as json");
                }
                yield xml.get();
            }
        };
    }

    /** Pretty-printed JSON, the form every command uses. */
    public static String json(JsonElement e) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(e);
    }
}
