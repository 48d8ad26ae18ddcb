package io.vigil.itest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/vigil node} process started by a test, with its config, state directory and captured output.
 * {@link #close()} kills it if it is still running, so a failing test leaves nothing behind.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final int commandPort;
    private final Path config;
    private Process process;

    private NodeProcess(String name, Path dir, int commandPort, Path config) {
        this.name = name;
        this.dir = dir;
        this.commandPort = commandPort;
        this.config = config;
    }

    /**
     * Writes a node config under {@code dir} and starts the node.
     *
     * @param extraJson more top-level JSON members, e.g. {@code "shippedAgents": false}, or empty
     */
    public static NodeProcess start(String name, Path dir, String extraJson) {
        int port = Vigil.freePort();
        Path config = dir.resolve(name + ".json");
        String json = "{\"name\": \"" + name + "\", \"stateDir\": \"" + dir.resolve(name) + "\", \"deployDir\": \""
                + dir.resolve(name).resolve("deploy") + "\", \"commandPort\": " + port
                + (extraJson.isEmpty() ? "" : ", " + extraJson) + "}";
        try {
            Files.createDirectories(dir);
            Files.writeString(config, json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        NodeProcess n = new NodeProcess(name, dir, port, config);
        n.launch();
        return n;
    }

    private void launch() {
        try {
            process = new ProcessBuilder(Vigil.bin().toString(), "node", "--config", config.toString())
                    .redirectOutput(dir.resolve(name + ".out").toFile())
                    .redirectError(dir.resolve(name + ".err").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node " + name + ": " + e, e);
        }
    }

    /** Starts the node again with the same config, state directory and command port (output is appended). */
    public void relaunch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("node " + name + " is still running");
        }
        try {
            process = new ProcessBuilder(Vigil.bin().toString(), "node", "--config", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node " + name + ": " + e, e);
        }
    }

    /** {@code kill -9}: the JVM dies at once (bin/vigil execs java, so this is the node's JVM) and is reaped. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + name + " survived SIGKILL for 10 s");
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}, ...) to the node's JVM. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    public String name() {
        return name;
    }

    public int commandPort() {
        return commandPort;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the node answers on its command port; returns how long that took. */
    public Duration awaitReady(Duration timeout) {
        return Deadline.await(() -> "node " + name + " to answer on port " + commandPort + "; stderr: "
                + stderr(), timeout, 100, () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("node " + name + " exited with " + process.exitValue()
                                + "; stderr: " + stderr());
                    }
                    return shell("help").exitCode() == 0;
                });
    }

    public Vigil.Result shell(String command) {
        return Vigil.run("shell", "--port", Integer.toString(commandPort), command);
    }

    public Path stateDir() {
        return dir.resolve(name);
    }

    public Path deployDir() {
        return stateDir().resolve("deploy");
    }

    public Process process() {
        return process;
    }

    public String stderr() {
        try {
            return Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** Sends SIGTERM and waits for the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node " + name + " did not exit within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
