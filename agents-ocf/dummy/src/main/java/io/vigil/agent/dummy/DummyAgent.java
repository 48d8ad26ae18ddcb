package io.vigil.agent.dummy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.ConfiguredAgent;

/**
 * The Dummy agent: a resource whose only effect is a state file. It is "running" exactly while the file exists,
 * which makes it the cluster's test subject: its state on each node can be inspected (and broken) from outside.
 * Semantics follow Pacemaker's own Dummy script: parameters {@code state}, {@code fake}, {@code op_sleep},
 * {@code fail_start_on}, {@code passwd}.
 */
public class DummyAgent extends ConfiguredAgent<Path> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final String typeName;

    public DummyAgent(String typeName) {
        super(metadataOf(typeName));
        this.typeName = typeName;
    }

    private static AgentMetadata metadataOf(String typeName) {
        return new AgentMetadata(typeName, "1.1", "Example stateless resource agent",
                "This is a dummy OCF resource agent. It does absolutely nothing except keep track of whether it is "
                        + "running or not, in a state file.",
                List.of(new ParameterSpec("state", "string", false, true, null,
                                "State file", "Location to store the resource state in "
                                        + "(default: <run directory>/Dummy-<instance>.state)."),
                        ParameterSpec.optional("passwd", null, "Password (ignored; for testing secret handling)"),
                        new ParameterSpec("fake", "string", false, false, "dummy", "Fake attribute that can be changed "
                                + "to cause a reload", ""),
                        new ParameterSpec("op_sleep", "integer", false, false, "0",
                                "Seconds to sleep during each action", ""),
                        ParameterSpec.optional("fail_start_on", null, "Node name where start always fails (rc 1)")),
                List.of(ActionSpec.of(AgentAction.START, DEFAULT_TIMEOUT),
                        ActionSpec.of(AgentAction.STOP, DEFAULT_TIMEOUT),
                        ActionSpec.recurring(AgentAction.MONITOR, DEFAULT_TIMEOUT, Duration.ofSeconds(10)),
                        ActionSpec.of(AgentAction.RELOAD, DEFAULT_TIMEOUT),
                        ActionSpec.of(AgentAction.MIGRATE_TO, DEFAULT_TIMEOUT),
                        ActionSpec.of(AgentAction.MIGRATE_FROM, DEFAULT_TIMEOUT),
                        ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                        ActionSpec.of(AgentAction.VALIDATE_ALL, DEFAULT_TIMEOUT)));
    }

    @Override
    protected Object configure(ActionRequest request) {
        AgentResult invalid = validate(request);
        return invalid != null ? invalid : stateFile(request);
    }

    @Override
    protected AgentResult perform(ActionRequest request, Path state, long deadline)
            throws IOException, InterruptedException {
        sleep(request);
        return switch (request.action()) {
            case START -> start(request, state);
            case STOP, MIGRATE_TO -> stop(state);
            case MONITOR -> monitor(state);
            case MIGRATE_FROM -> start(request, state);
            case RELOAD, VALIDATE_ALL -> AgentResult.success();
            default -> unimplemented(request);
        };
    }

    private AgentResult validate(ActionRequest request) {
        String sleep = request.parameter("op_sleep", "0");
        if (!sleep.matches("[0-9]+(\\.[0-9]+)?")) {
            return AgentResult.error(OcfExitCode.ERR_CONFIGURED, "parameter op_sleep of " + request.resourceId()
                    + " must be a number of seconds, not '" + sleep + "'");
        }
        Path state = stateFile(request);
        Path dir = state.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return AgentResult.error(OcfExitCode.ERR_ARGS, "parameter state of " + request.resourceId()
                    + ": directory " + dir + " does not exist");
        }
        return null;
    }

    private static void sleep(ActionRequest request) throws InterruptedException {
        double seconds = Double.parseDouble(request.parameter("op_sleep", "0"));
        if (seconds > 0 && request.action() != AgentAction.META_DATA) {
            Thread.sleep((long) (seconds * 1000));
        }
    }

    private Path stateFile(ActionRequest request) {
        String state = request.parameters().get("state");
        if (state != null && !state.isEmpty()) {
            return Path.of(state);
        }
        String instance = request.resourceId().replace(':', '_');
        return request.environment().runDirectory().resolve(typeName + "-" + instance + ".state");
    }

    private AgentResult start(ActionRequest request, Path state) throws IOException {
        String failOn = request.parameters().get("fail_start_on");
        if (failOn != null && failOn.equals(request.environment().nodeName())) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "start of " + request.resourceId()
                    + " fails on " + failOn + " by configuration (fail_start_on)");
        }
        if (!Files.exists(state)) {
            Files.writeString(state, request.environment().nodeName() + "\n");
        }
        return AgentResult.success();
    }

    private static AgentResult stop(Path state) throws IOException {
        Files.deleteIfExists(state);
        return AgentResult.success();
    }

    private static AgentResult monitor(Path state) {
        return Files.exists(state) ? AgentResult.success() : AgentResult.notRunning("state file " + state
                + " is absent");
    }
}
