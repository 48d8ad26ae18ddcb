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
