package io.vigil.itest.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the harness (ip, nft) and fails loudly with its output when it fails. */
final class Sh {

    private Sh() {
    }

    static String run(List<String> cmd, String stdin) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", cmd) + "' did not finish within 30 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("'" + String.join(" ", cmd) + "' failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + String.join(" ", cmd) + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running '" + String.join(" ", cmd) + "'", e);
        }
    }
}
