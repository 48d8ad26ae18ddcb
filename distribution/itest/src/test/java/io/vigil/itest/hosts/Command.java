package io.vigil.itest.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands ({@code ip}, {@code kill}) to completion, with a time limit and captured output. */
public final class Command {

    private Command() {
    }

    /** Runs a command that must succeed; returns its standard output. */
    public static String run(String... cmd) {
        Result r = attempt(cmd);
        if (r.code != 0) {
            throw new AssertionError("'" + String.join(" ", cmd) + "' failed with exit code " + r.code + ": "
                    + r.err.strip());
        }
        return r.out;
    }

    /** Runs a command whose failure is acceptable (clean-up of what may already be gone). */
    static Result quietly(String... cmd) {
        try {
            return attempt(cmd);
        } catch (AssertionError e) {
            return new Result(-1, "", e.getMessage());
        }
    }

    record Result(int code, String out, String err) {
    }

    /** Runs a command that must succeed with {@code stdin} as its input (e.g. {@code nft -f -}). */
    public static String run(List<String> cmd, String stdin) {
        Result r = attempt(cmd, stdin);
        if (r.code != 0) {
            throw new AssertionError("'" + String.join(" ", cmd) + "' failed with exit code " + r.code + ": "
                    + r.err.strip());
        }
        return r.out;
    }

    static Result attempt(String... cmd) {
        return attempt(List.of(cmd), null);
    }

    private static Result attempt(List<String> cmd, String stdin) {
        try {
            // output is small: read it after the exit through temp-file-free redirects to pipes read fully
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", cmd) + "' did not finish within 30 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + String.join(" ", cmd) + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running '" + String.join(" ", cmd) + "'", e);
        }
    }
}
