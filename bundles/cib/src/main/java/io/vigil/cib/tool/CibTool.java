package io.vigil.cib.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.vigil.cib.CibFiles;
import io.vigil.cib.CibParseException;
import io.vigil.cib.LoadResult;
import io.vigil.cib.Problem;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.Unsupported;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.xml.CibXmlWriter;

/**
 * {@code verify FILE...} checks CIB files (Pacemaker XML or Vigil JSON) like {@code crm_verify -x};
 * {@code convert FILE --to json|xml} writes the other format. Exit codes: 0 fine, 1 errors found, 2 bad usage or
 * unreadable input.
 */
public final class CibTool {

    static final int OK = 0;
    static final int ERRORS = 1;
    static final int BAD_INPUT = 2;

    private CibTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, VerifyCheck.NONE);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, {@code verify} adding the problems {@code extra} finds. */
    public static int run(String[] args, PrintStream out, PrintStream err, VerifyCheck extra) {
        try {
            if (args.length == 0) {
                return usage(err);
            }
            return switch (args[0]) {
                case "verify" -> verify(List.of(args).subList(1, args.length), out, err, extra);
                case "convert" -> convert(List.of(args).subList(1, args.length), out, err);
                default -> usage(err);
            };
        } catch (RuntimeException e) {
            // Never a stack trace for the operator: one line saying what failed.
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: verify FILE... | convert FILE --to json|xml");
        return BAD_INPUT;
    }

    private static int verify(List<String> files, PrintStream out, PrintStream err, VerifyCheck extra) {
        if (files.isEmpty()) {
            return usage(err);
        }
        boolean several = files.size() > 1;
        int worst = OK;
        List<String> summaries = new ArrayList<>();
        for (String f : files) {
            LoadResult loaded;
            try {
                loaded = load(f);
            } catch (CibParseException | IOException e) {
                err.println(f + ": cannot load: " + oneLine(e));
                summaries.add(f + ": cannot load");
                worst = BAD_INPUT;
                continue;
            }
            List<Problem> problems = problems(loaded, extra);
            String prefix = several ? f + ": " : "";
            problems.forEach(p -> out.println(prefix + p));
            for (Unsupported u : loaded.unsupported()) {
                out.println(prefix + "unsupported: " + u.describe());
            }
            FileVerdict v = new FileVerdict(f, problems, loaded.unsupported());
            summaries.add(v.summary());
            if (v.hasErrors() && worst == OK) {
                worst = ERRORS;
            }
        }
        if (several) {
            summaries.forEach(out::println);
        } else if (worst == OK) {
            out.println(summaries.get(0));
        }
        return worst;
    }

    /** Everything verify reports about a loaded file: load problems, validation, then {@code extra}'s findings. */
    public static List<Problem> problems(LoadResult loaded, VerifyCheck extra) {
        List<Problem> problems = new ArrayList<>(loaded.problems());
        problems.addAll(Validator.forDocuments(AgentCatalog.NONE).validate(loaded.snapshot()));
        problems.addAll(extra.check(loaded.snapshot()));
        return problems;
    }

    private static int convert(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 3 || !args.get(1).equals("--to") || !List.of("json", "xml").contains(args.get(2))) {
            return usage(err);
        }
        try {
            LoadResult loaded = load(args.get(0));
            out.print(args.get(2).equals("json") ? CibJson.write(loaded.snapshot()) : CibXmlWriter.write(loaded.snapshot()));
            out.flush();
            for (Unsupported u : loaded.unsupported()) {
                err.println("unsupported: " + u.describe());
            }
            return OK;
        } catch (CibParseException | IOException e) {
            err.println(args.get(0) + ": cannot load: " + oneLine(e));
            return BAD_INPUT;
        }
    }

    private static LoadResult load(String file) throws CibParseException, IOException {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new java.io.FileNotFoundException("no such file");
        }
        return CibFiles.load(p);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.charset.CharacterCodingException) {
            m = "not UTF-8 text";
        }
        return m.replace('\n', ' ');
    }
}
