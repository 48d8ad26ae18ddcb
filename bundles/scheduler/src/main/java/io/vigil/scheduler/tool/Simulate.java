package io.vigil.scheduler.tool;

import io.vigil.cib.CibFiles;
import io.vigil.cib.LoadResult;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.scheduler.Placement;
import io.vigil.scheduler.ScoreEntry;
import io.vigil.scheduler.Scheduler;
import io.vigil.scheduler.Transition;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code simulate FILE [options]}: run the scheduler on a CIB file and print what it would do. */
public final class Simulate {
    private Simulate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("simulate")) {
            a.remove(0);
        }
        String file = null;
        boolean scores = false;
        boolean json = false;
        String explain = null;
        Instant now = null;
        List<String> nodeFail = new ArrayList<>();
        List<String> inject = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            try {
                switch (x) {
                    case "--show-scores", "-s" -> scores = true;
                    case "--output-as" -> json = "json".equals(a.get(++i));
                    case "--output-as=json" -> json = true;
                    case "--explain" -> explain = a.get(++i);
                    case "--date" -> now = parseDate(a.get(++i));
                    case "--node-fail" -> nodeFail.add(a.get(++i));
                    case "--op-inject" -> inject.add(a.get(++i));
                    default -> {
                        if (x.startsWith("-") || file != null) {
                            err.println("simulate: unknown option or extra argument '" + x + "'");
                            return 2;
                        }
                        file = x;
                    }
                }
            } catch (IndexOutOfBoundsException e) {
                err.println("simulate: option " + x + " needs a value");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("simulate: " + e.getMessage());
                return 2;
            }
        }
        if (file == null) {
            err.println("usage: simulate FILE [--show-scores] [--node-fail NODE] [--op-inject RSC_OP_INTERVALMS@NODE=RC]"
                    + " [--date ISO8601] [--explain RSC] [--output-as json]");
            return 2;
        }
        CibSnapshot cib;
        try {
            LoadResult r = CibFiles.load(Path.of(file));
            cib = r.snapshot();
        } catch (Exception e) {
            err.println("simulate: cannot load " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            cib = Inject.apply(cib, nodeFail, inject);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        }
        if (now == null) {
            now = executionDate(cib);
        }
        Transition t = Scheduler.schedule(cib, now);
        if (json) {
            out.print(t.verdictJson());
            return 0;
        }
        out.println("Current cluster status:");
        printStatus(out, CurrentStatus.of(cib, now));
        if (scores) {
            out.println();
            out.println("Allocation scores:");
            for (ScoreEntry s : t.scores()) {
                out.println("  " + s.text());
            }
        }
        out.println();
        out.println("Transition Summary:");
        for (String l : t.summary().text()) {
            out.println("  " + l);
        }
        out.println();
        out.println("Revised Cluster Status:");
        printStatus(out, new CurrentStatus(t.nodeStates(), t.finalPlacement()));
        if (explain != null) {
            out.println();
            String e = t.explanations().get(explain);
            if (e == null) {
                for (Map.Entry<String, String> x : t.explanations().entrySet()) {
                    if (x.getKey().startsWith(explain + ":")) {
                        out.println(x.getValue());
                        e = "";
                    }
                }
            }
            out.println(e == null ? explain + ": no such resource" : e);
        }
        return 0;
    }

    static Instant parseDate(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            try {
                return java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                throw new IllegalArgumentException("not an ISO 8601 date: '" + s + "'");
            }
        }
    }

    /** The cib's execution-date (seconds since the epoch) when present, else the epoch (deterministic). */
    public static Instant executionDate(CibSnapshot cib) {
        String d = cib.attributes().get("execution-date");
        if (d != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(d.trim()));
            } catch (NumberFormatException e) {
                return parseDate(d);
            }
        }
        return Instant.now();
    }

    private static void printStatus(PrintStream out, CurrentStatus s) {
        out.println("  * Node List:");
        s.nodes().forEach((n, st) -> out.println("    * " + n + ": " + st));
        out.println();
        out.println("  * Full List of Resources:");
        for (Map.Entry<String, List<Placement>> e : s.placement().entrySet()) {
            if (e.getValue().isEmpty()) {
                out.println("    * " + e.getKey() + "\tStopped");
            }
            for (Placement p : e.getValue()) {
                out.println("    * " + e.getKey() + "\t" + p.role() + " " + p.node());
            }
        }
    }

    /** Node states and placement, for printing. */
    record CurrentStatus(Map<String, String> nodes, Map<String, List<Placement>> placement) {
        static CurrentStatus of(CibSnapshot cib, Instant now) {
            // Current status = the placement before any action: schedule with every action ignored.
            Transition t = Scheduler.schedule(cib, now);
            Map<String, String> nodes = new java.util.TreeMap<>(t.nodeStates());
            return new CurrentStatus(nodes, CurrentPlacement.of(cib));
        }
    }

    static List<String> files(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }
}
