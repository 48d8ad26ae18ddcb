package io.vigil.itest.seeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short system commands of the seed tests' set-up ({@code ip}, {@code nsenter}), run to completion. */
final class Sh {

    private Sh() {
    }

    /** Runs a command that must succeed within 60 s; returns its standard output. */
    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", cmd) + "' did not finish within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("'" + String.join(" ", cmd) + "' failed with exit code " + p.exitValue()
                        + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + String.join(" ", cmd) + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running '" + String.join(" ", cmd) + "'", e);
        }
    }

    /** Runs a command whose failure is an answer; returns its exit code and output (stderr merged). */
    static io.vigil.itest.support.Vigil.Result attempt(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new io.vigil.itest.support.Vigil.Result(-1, "", "did not finish within 60 s");
            }
            return new io.vigil.itest.support.Vigil.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    "");
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + String.join(" ", cmd) + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running '" + String.join(" ", cmd) + "'", e);
        }
    }

    static String run(String... cmd) {
        return run(List.of(cmd));
    }
}
