package io.vigil.scheduler;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vigil.cib.CibFiles;
import io.vigil.cib.LoadResult;
import io.vigil.scheduler.tool.Simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The shared Pacemaker corpus and the comparison rules of compare_verdicts.py. */
final class Corpus {
    record Case(String name, int tier, List<String> features) {
    }

    record Result(Case c, String status, boolean placement, boolean actions, List<String> diffs, String verdict) {
    }

    private Corpus() {
    }

    static Path dir() {
        for (String p : List.of("../../../shared/pacemaker-scheduler", "../../shared/pacemaker-scheduler",
                "/work/shared/pacemaker-scheduler")) {
            Path d = Path.of(p);
            if (Files.isDirectory(d.resolve("xml"))) {
                return d;
            }
        }
        return null;
    }

    static List<Case> cases(Path dir) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int tier;
            try {
                tier = Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                continue;
            }
            List<String> features = new ArrayList<>();
            if (f.length > 5) {
                for (String x : f[5].split(",")) {
                    if (!x.isBlank()) {
                        features.add(x.replaceAll("=.*", ""));
                    }
                }
            }
            out.add(new Case(f[0], tier, features));
        }
        return out;
    }

    static Result run(Path dir, Case c) {
        Path xml = dir.resolve("xml").resolve(c.name() + ".xml");
        Path exp = dir.resolve("verdicts").resolve(c.name() + ".json");
        if (!Files.exists(xml) || !Files.exists(exp)) {
            return new Result(c, "missing", false, false, List.of(), null);
        }
        try {
            LoadResult lr = CibFiles.load(xml);
            Instant now = lr.snapshot().attributes().containsKey("execution-date")
                    ? Simulate.executionDate(lr.snapshot())
                    : Files.getLastModifiedTime(exp).toInstant();
            Transition t = Scheduler.schedule(lr.snapshot(), now);
            String verdict = t.verdictJson();
            JsonObject e = JsonParser.parseString(Files.readString(exp)).getAsJsonObject();
            JsonObject a = JsonParser.parseString(verdict).getAsJsonObject();
            List<String> diffs = new ArrayList<>();
            boolean placement = comparePlacement(e, a, diffs);
            boolean actions = placement & compareActions(e, a, diffs);
            String status = !lr.unsupported().isEmpty() ? "unsupported" : placement ? "agree" : "disagree";
            if (!lr.unsupported().isEmpty() && placement) {
                status = "agree";
            }
            return new Result(c, status, placement, actions, diffs, verdict);
        } catch (Exception | StackOverflowError ex) {
            return new Result(c, "error", false, false, List.of(ex.toString()), null);
        }
    }

    static boolean comparePlacement(JsonObject e, JsonObject a, List<String> diffs) {
        JsonObject ef = e.getAsJsonObject("final");
        JsonObject af = a.getAsJsonObject("final");
        Set<String> keys = new TreeSet<>(ef.keySet());
        keys.addAll(af.keySet());
        boolean ok = true;
        for (String k : keys) {
            JsonElement x = ef.get(k);
            JsonElement y = af.get(k);
            if (x == null ? y != null : !x.equals(y)) {
                diffs.add("final[" + k + "]: expected " + x + ", got " + y);
                ok = false;
            }
        }
        if (!e.get("fenced").equals(a.get("fenced"))) {
            diffs.add("fenced: expected " + e.get("fenced") + ", got " + a.get("fenced"));
            ok = false;
        }
        return ok;
    }

    static boolean compareActions(JsonObject e, JsonObject a, List<String> diffs) {
        Set<String> es = tuples(e.getAsJsonArray("actions"));
        Set<String> as = tuples(a.getAsJsonArray("actions"));
        boolean ok = true;
        for (String x : es) {
            if (!as.contains(x)) {
                diffs.add("missing action " + x);
                ok = false;
            }
        }
        for (String x : as) {
            if (!es.contains(x)) {
                diffs.add("extra action " + x);
                ok = false;
            }
        }
        return ok;
    }

    private static Set<String> tuples(JsonArray arr) {
        Set<String> s = new TreeSet<>();
        for (JsonElement el : arr) {
            s.add(el.toString());
        }
        return s;
    }

    /** agree/disagree/unsupported counts per key. */
    static Map<String, int[]> table() {
        return new TreeMap<>();
    }
}
