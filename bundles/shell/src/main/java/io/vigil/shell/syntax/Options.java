package io.vigil.shell.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GNU-style options of Pacemaker's command-line tools ({@code -r vip}, {@code --resource vip},
 * {@code --resource=vip}, grouped flags {@code -VV}), declared per tool. Unknown options are errors pointing at the
 * word with the nearest known option suggested; words that are not options are positional.
 */
public final class Options {

    /** One declared option: its long name (the key it is read by), its short letter or 0, whether it takes a value. */
    public record Spec(String name, char letter, boolean takesValue) {
    }

    /** A parsed option occurrence; {@code index} is where it was on the line. */
    public record Value(String value, int index) {
    }

    /** The result: options by long name (in order of occurrence) and the positional words. */
    public record Parsed(Map<String, List<Value>> options, List<Value> positional) {

        public boolean has(String name) {
            return options.containsKey(name);
        }

        public Optional<Value> last(String name) {
            List<Value> v = options.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
        }

        public String value(String name) {
            return last(name).map(Value::value).orElse(null);
        }

        public int count(String name) {
            List<Value> v = options.get(name);
            return v == null ? 0 : v.size();
        }
    }

    private final List<Spec> specs = new ArrayList<>();

    public Options flag(String name, char letter) {
        specs.add(new Spec(name, letter, false));
        return this;
    }

    public Options value(String name, char letter) {
        specs.add(new Spec(name, letter, true));
        return this;
    }

    public List<String> names() {
        return specs.stream().map(s -> "--" + s.name()).toList();
    }

    /** @param line the whole line (command name first); options are read from index 1 */
    public Parsed parse(List<String> line) {
        Map<String, List<Value>> options = new LinkedHashMap<>();
        List<Value> positional = new ArrayList<>();
        for (int i = 1; i < line.size(); i++) {
            String w = line.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                String name = w.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Spec s = byName(name);
                if (s == null) {
                    throw new CommandSyntaxException("unknown option '" + w + "'" + Suggestions.hint("--" + name,
                            names()), line, i);
                }
                if (s.takesValue()) {
                    if (inline == null) {
                        if (i + 1 >= line.size()) {
                            throw new CommandSyntaxException("option --" + name + " needs a value", line, i + 1);
                        }
                        inline = line.get(++i);
                    }
                    add(options, s.name(), new Value(inline, i));
                } else {
                    if (inline != null) {
                        throw new CommandSyntaxException("option --" + name + " takes no value", line, i);
                    }
                    add(options, s.name(), new Value(null, i));
                }
            } else if (w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
                for (int k = 1; k < w.length(); k++) {
                    char c = w.charAt(k);
                    Spec s = byLetter(c);
                    if (s == null) {
                        throw new CommandSyntaxException("unknown option '-" + c + "'" + (w.length() > 2
                                ? Suggestions.hint(w, names()) : ""), line, i);
                    }
                    if (s.takesValue()) {
                        String v = w.substring(k + 1);
                        if (v.isEmpty()) {
                            if (i + 1 >= line.size()) {
                                throw new CommandSyntaxException("option -" + c + " (--" + s.name()
                                        + ") needs a value", line, i + 1);
                            }
                            v = line.get(++i);
                        }
                        add(options, s.name(), new Value(v, i));
                        break;
                    }
                    add(options, s.name(), new Value(null, i));
                }
            } else {
                positional.add(new Value(w, i));
            }
        }
        return new Parsed(options, positional);
    }

    private static boolean isNumber(String w) {
        return w.matches("-\\d+") && !w.equals("-1");
    }

    private static void add(Map<String, List<Value>> m, String name, Value v) {
        m.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
    }

    private Spec byName(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private Spec byLetter(char c) {
        return specs.stream().filter(s -> s.letter() == c).findFirst().orElse(null);
    }
}
