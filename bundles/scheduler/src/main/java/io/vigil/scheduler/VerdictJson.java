package io.vigil.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Renders a {@link Transition} as the normalized verdict JSON (deterministic, sorted). */
final class VerdictJson {
    private VerdictJson() {
    }

    /** The summary lines as verdict action tuples, instance numbers stripped, sorted. */
    static List<List<String>> actionTuples(TransitionSummary summary) {
        List<List<String>> out = new ArrayList<>();
        for (SummaryLine l : summary.lines()) {
            List<String> t = new ArrayList<>(List.of(l.change().toLowerCase(java.util.Locale.ROOT),
                    strip(l.resource()), nz(l.origin() != null ? l.origin() : null),
                    "", nz(l.role()), nz(l.nextRole())));
            if (l.origin() == null) {
                t.set(2, nz(l.destination()));
            } else {
                t.set(3, l.destination() != null && !l.destination().equals(l.origin()) ? l.destination() : "");
            }
            if (l.origin() == null && l.role() != null && l.nextRole() != null) {
                // starting and promoting: crm_simulate reports only the destination
                t.set(2, "");
                t.set(3, nz(l.destination()));
            }
            if (l.blocked()) {
                t.add("blocked");
            }
            out.add(t);
        }
        out.sort(TUPLE_ORDER);
        return out;
    }

    static final Comparator<List<String>> TUPLE_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    static String strip(String id) {
        int c = id.lastIndexOf(':');
        if (c > 0 && c < id.length() - 1 && id.substring(c + 1).chars().allMatch(Character::isDigit)) {
            return id.substring(0, c);
        }
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String render(Transition t) {
        StringBuilder sb = new StringBuilder("{\n \"actions\": [");
        List<List<String>> tuples = actionTuples(t.summary());
        for (int i = 0; i < tuples.size(); i++) {
            sb.append(i == 0 ? "\n  [" : ",\n  [");
            List<String> tuple = tuples.get(i);
            for (int j = 0; j < tuple.size(); j++) {
                sb.append(j == 0 ? "" : ", ").append(quote(tuple.get(j)));
            }
            sb.append(']');
        }
        sb.append(tuples.isEmpty() ? "],\n" : "\n ],\n");
        sb.append(" \"fenced\": [");
        for (int i = 0; i < t.fenced().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(t.fenced().get(i)));
        }
        sb.append("],\n \"final\": {");
        int i = 0;
        for (Map.Entry<String, List<Placement>> e : t.finalPlacement().entrySet()) {
            sb.append(i++ == 0 ? "\n  " : ",\n  ").append(quote(e.getKey())).append(": [");
            int j = 0;
            for (Placement p : e.getValue()) {
                sb.append(j++ == 0 ? "" : ", ").append('[').append(quote(p.node())).append(", ")
                        .append(quote(p.role())).append(']');
            }
            sb.append(']');
        }
        sb.append(t.finalPlacement().isEmpty() ? "},\n" : "\n },\n");
        sb.append(" \"nodes\": {");
        i = 0;
        for (Map.Entry<String, String> e : t.nodeStates().entrySet()) {
            sb.append(i++ == 0 ? "\n  " : ",\n  ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        sb.append(t.nodeStates().isEmpty() ? "},\n" : "\n },\n");
        sb.append(" \"rc\": 0\n}\n");
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
