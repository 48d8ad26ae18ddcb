package io.vigil.fence.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.fence.FenceAgent;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;
import io.vigil.executor.process.ProcessState;

import org.osgi.service.component.annotations.Component;

/**
 * {@code fence_vigil_process}: "power" for test nodes that are processes on this machine. A node's power is its
 * process tree, found through {@code <pid_dir>/<node>.pid} (as {@code vigil demo} and the test harness write
 * them); off kills the whole tree (with SIGKILL: nothing of the node may keep running) and waits until it is gone.
 * When the pid is the init process of a PID namespace, killing it ends the namespace, as a power cut would.
 * Powering on is not possible: whoever runs the test nodes restarts them.
 */
@Component(property = FenceAgent.FENCE_AGENT + "=fence_vigil_process")
public class VigilProcessFenceAgent implements FenceAgent {

    private static final AgentMetadata METADATA = new AgentMetadata("fence_vigil_process", "1.0",
            "Fence agent for test nodes that run as processes on this machine",
            "Kills a node's whole process tree, found through <pid_dir>/<node>.pid.",
            List.of(ParameterSpec.required("pid_dir", "Directory holding <node>.pid files"),
                    ParameterSpec.optional("pcmk_host_list", null, "Nodes this device can fence")),
            List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)),
                    ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(20)),
                    ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(60))));

    @Override
    public AgentMetadata metadata() {
        return METADATA;
    }

    @Override
    public FenceResult execute(FenceRequest request) {
        try {
            String dir = request.parameters().get("pid_dir");
            if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
                return FenceResult.failure("device " + request.deviceId() + ": parameter pid_dir must name an "
                        + "existing directory (got '" + dir + "')");
            }
            Path pids = Path.of(dir);
            return switch (request.action()) {
                case OFF, REBOOT -> off(pids, request.target(), request.timeout());
                case ON -> FenceResult.failure("fence_vigil_process cannot power a node on; restart its process");
                case STATUS -> pid(pids, request.target()).filter(ProcessState::alive).isPresent()
                        ? FenceResult.success("on")
                        : new FenceResult(ExecStatus.DONE, FenceResult.STATUS_OFF, "off", List.of());
                case LIST -> new FenceResult(ExecStatus.DONE, 0, "", nodes(pids));
                case MONITOR -> FenceResult.success("pid_dir " + pids + " readable");
            };
        } catch (IOException | RuntimeException e) {
            return FenceResult.failure("device " + request.deviceId() + " failed: " + e);
        }
    }

    private static FenceResult off(Path pids, String target, Duration timeout) throws IOException {
        Optional<Long> pid = pid(pids, target);
        if (pid.isEmpty() || !ProcessState.alive(pid.get())) {
            return FenceResult.success(target + " is already off");
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid.get());
        if (h.isPresent()) {
            List<ProcessHandle> tree = new ArrayList<>(h.get().descendants().toList());
            h.get().destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (ProcessState.alive(pid.get())) {
            if (System.nanoTime() > end) {
                return FenceResult.failure(target + " (pid " + pid.get() + ") is still alive after "
                        + timeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FenceResult.failure("interrupted while waiting for " + target + " to die");
            }
        }
        return FenceResult.success(target + " (pid " + pid.get() + ") is off");
    }

    private static Optional<Long> pid(Path dir, String node) {
        if (node == null || !node.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        OptionalLong pid = ProcessState.readPid(dir.resolve(node + ".pid"));
        return pid.isPresent() ? Optional.of(pid.getAsLong()) : Optional.empty();
    }

    private static List<String> nodes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }
}
