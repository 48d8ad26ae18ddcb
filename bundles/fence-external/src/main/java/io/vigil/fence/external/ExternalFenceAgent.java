package io.vigil.fence.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.fence.FenceAction;
import io.vigil.api.fence.FenceAgent;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;
import io.vigil.executor.process.AgentProcess;

/**
 * One RHCS-style fence executable as a {@link FenceAgent}. The device's parameters reach the program as
 * {@code name=value} lines on its standard input (never through a shell, never as command-line words), followed by
 * {@code action=} and the target under the name {@code pcmk_host_argument} gives ({@code port} by default,
 * {@code none} for agents that take no target). Pacemaker's own {@code pcmk_*} options are not passed. Exit codes
 * follow the RHCS convention: 0 success (for {@code status}: powered on), 2 powered off, anything else failure.
 */
final class ExternalFenceAgent implements FenceAgent {

    /** Parameters Vigil sets itself; a device may not override them. */
    private static final Set<String> RESERVED = Set.of("action", "option");

    private final Path executable;
    private final String name;
    private final Supplier<AgentMetadata> metadataReader;
    private volatile AgentMetadata metadata;

    /**
     * @param metadataReader runs the program for its meta-data; called on first use only (a distribution ships
     *        dozens of fence agents, and running them all at start would delay every node's start by minutes)
     */
    ExternalFenceAgent(Path executable, String name, Supplier<AgentMetadata> metadataReader) {
        this.executable = executable;
        this.name = name;
        this.metadataReader = metadataReader;
    }

    Path executable() {
        return executable;
    }

    @Override
    public AgentMetadata metadata() {
        AgentMetadata m = metadata;
        if (m == null) {
            synchronized (this) {
                if (metadata == null) {
                    metadata = metadataReader.get();
                }
                m = metadata;
            }
        }
        return m;
    }

    @Override
    public FenceResult execute(FenceRequest request) {
        String input;
        try {
            input = standardInput(request);
        } catch (IllegalArgumentException e) {
            return FenceResult.failure(e.getMessage());
        }
        if (!Files.isExecutable(executable)) {
            return new FenceResult(ExecStatus.NOT_INSTALLED, 1, "device " + request.deviceId() + ": " + executable
                    + " is gone or not executable; reinstall the fence agent", List.of());
        }
        try {
            AgentProcess.Outcome o = AgentProcess.run(List.of(executable.toString()), Map.of(), null,
                    request.timeout(), input.getBytes(StandardCharsets.UTF_8));
            if (o.timedOut()) {
                return new FenceResult(ExecStatus.TIMED_OUT, 1, name + " " + request.action().agentName()
                        + " did not finish within " + request.timeout().toMillis() + " ms; its process tree was killed",
                        List.of());
            }
            if (o.interrupted()) {
                return FenceResult.failure(name + " " + request.action().agentName() + " was interrupted");
            }
            return result(request.action(), o);
        } catch (IOException e) {
            return new FenceResult(ExecStatus.NOT_INSTALLED, 1, "cannot run " + executable + " for device "
                    + request.deviceId() + ": " + e.getMessage(), List.of());
        }
    }

    /**
     * The {@code key=value} lines for one request. A value with a line break would smuggle in another key, so it
     * is refused, naming the parameter.
     */
    static String standardInput(FenceRequest request) {
        Map<String, String> lines = new TreeMap<>();
        request.parameters().forEach((name, value) -> {
            if (name.startsWith("pcmk_") || RESERVED.contains(name)) {
                return;
            }
            check(request.deviceId(), name, value);
            lines.put(name, value);
        });
        String hostArgument = request.parameters().getOrDefault("pcmk_host_argument", "port");
        if (request.target() != null && !"none".equals(hostArgument)) {
            check(request.deviceId(), hostArgument, request.target());
            lines.put(hostArgument, request.target());
        }
        StringBuilder b = new StringBuilder();
        b.append("action=").append(request.action().agentName()).append('\n');
        lines.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private static void check(String device, String name, String value) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("device " + device + ": parameter name '" + name
                    + "' is not a valid fence agent option (letters, digits, '_' and '-')");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("device " + device + ": parameter " + name
                    + " contains a line break or NUL; fence agents read one option per line, so it is refused");
        }
    }

    private FenceResult result(FenceAction action, AgentProcess.Outcome o) {
        String out = o.output().strip();
        return switch (action) {
            case STATUS -> o.exitCode() == 0 ? FenceResult.success(out)
                    : o.exitCode() == FenceResult.STATUS_OFF
                            ? new FenceResult(ExecStatus.DONE, FenceResult.STATUS_OFF, out, List.of())
                            : FenceResult.failure(failure(action, o));
            case LIST -> o.exitCode() == 0 ? new FenceResult(ExecStatus.DONE, 0, out, targets(o.stdout()))
                    : FenceResult.failure(failure(action, o));
            default -> o.exitCode() == 0 ? FenceResult.success(out) : FenceResult.failure(failure(action, o));
        };
    }

    private String failure(FenceAction action, AgentProcess.Outcome o) {
        return name + " " + action.agentName() + " failed with exit code " + o.exitCode()
                + (o.output().isBlank() ? "" : ": " + o.output().strip());
    }

    /** {@code list} prints one target per line, optionally followed by {@code ,alias}. */
    static List<String> targets(String stdout) {
        List<String> t = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                int comma = s.indexOf(',');
                t.add(comma < 0 ? s : s.substring(0, comma).strip());
            }
        }
        return t;
    }
}
