package io.vigil.itest.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands ({@code ip}, {@code kill}) to completion, with a time limit and captured output. */
final class Command {

    private Command() {
    }

    /** Runs a command that must succeed; returns its standard output. */
    static String run(String... cmd) {
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

    static Result attempt(String... cmd) {
        try {
            // output is small: read it after the exit through temp-file-free redirects to pipes read fully
            Process p = new ProcessBuilder(List.of(cmd)).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
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
