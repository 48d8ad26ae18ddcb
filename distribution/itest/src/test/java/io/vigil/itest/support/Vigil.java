package io.vigil.itest.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The installed distribution under test ({@code distribution/target/vigil}) and its {@code bin/vigil}. */
public final class Vigil {

    /** What one {@code bin/vigil} command did. */
    public record Result(int exitCode, String out, String err) {
        public String outLines() {
            return out.strip();
        }
    }

    private Vigil() {
    }

    public static Path home() {
        String home = System.getProperty("vigil.home");
        if (home == null) {
            throw new IllegalStateException("system property vigil.home is not set (run through Maven)");
        }
        Path p = Path.of(home).toAbsolutePath().normalize();
        if (!Files.isExecutable(p.resolve("bin/vigil"))) {
            throw new IllegalStateException(p + "/bin/vigil does not exist: build the distribution first");
        }
        return p;
    }

    public static Path bin() {
        return home().resolve("bin/vigil");
    }

    /** Runs {@code bin/vigil ARGS} to completion (at most 60 s). */
    public static Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code bin/vigil ARGS} with {@code stdin} as standard input. */
    public static Result runWithInput(String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(bin().toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("vigil-out", ".txt");
            Path err = Files.createTempFile("vigil-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (stdin == null) {
                    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                }
                Process p = pb.start();
                if (stdin != null) {
                    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                    p.getOutputStream().close();
                }
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("vigil " + String.join(" ", args) + " did not finish in 60 s");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A TCP port that was free a moment ago on 127.0.0.1, chosen below the kernel's ephemeral range (32768 and up
     * by default), so that the outgoing connections of the nodes a test starts cannot take it before the node
     * binds it.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20000 + r.nextInt(12000);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new AssertionError("no free port between 20000 and 32000 on 127.0.0.1");
    }
}
