package io.vigil.agent.lsb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code lsb:<script>}: an {@code /etc/init.d}-style script driven with {@code start}, {@code stop} and
 * {@code status}, as Pacemaker's LSB class does. Exit codes of {@code start}/{@code stop} are OCF's (0–7 share
 * their meaning; anything else is a generic error). {@code status} maps 0 → running, 1–3 (dead with pid file,
 * dead with lock file, not running) → {@link OcfExitCode#NOT_RUNNING}, 4 (unknown) and anything else →
 * {@link OcfExitCode#ERR_GENERIC}. Idempotence does not depend on the script's own compliance: start on a running
 * service and stop on a stopped one succeed without running the action, and an action that fails although status
 * then shows the wanted state is a success. The script gets no parameters (LSB has none) and runs with
 * {@code SYSTEMCTL_SKIP_REDIRECT=1}, so Debian's init-functions never hand it to systemd.
 */
public final class LsbAgent implements ResourceAgent {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final Path script;
    private final String type;
    private final AgentMetadata metadata;

    public LsbAgent(Path script) {
        this.script = script;
        this.type = script.getFileName().toString();
        this.metadata = describe(script, type);
    }

    /** The init script. */
    public Path script() {
        return script;
    }

    @Override
    public AgentMetadata metadata() {
        return metadata;
    }

    @Override
    public AgentResult execute(ActionRequest request) {
        try {
            if (request.action() == AgentAction.META_DATA) {
                return AgentResult.of(OcfExitCode.SUCCESS, metadata.toXml());
            }
            if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
                if (request.action() == AgentAction.STOP) {
                    return AgentResult.of(OcfExitCode.SUCCESS, "init script " + script
                            + " is not installed; nothing to stop");
                }
                if (request.action() == AgentAction.MONITOR) {
                    return AgentResult.notRunning("init script " + script + " is not installed");
                }
                return AgentResult.error(OcfExitCode.ERR_INSTALLED, "init script " + script
                        + " is missing or not executable");
            }
            long deadline = System.nanoTime() + request.timeout().toNanos();
            return switch (request.action()) {
                case VALIDATE_ALL -> AgentResult.success();
                case MONITOR -> status(deadline);
                case START -> transition("start", OcfExitCode.SUCCESS, deadline);
                case STOP -> transition("stop", OcfExitCode.NOT_RUNNING, deadline);
                default -> AgentResult.error(OcfExitCode.ERR_UNIMPLEMENTED, "lsb:" + type
                        + " does not implement " + request.action().ocfName());
            };
        } catch (IOException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of lsb:" + type
                    + " could not run " + script + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of lsb:" + type + " failed: "
                    + e);
        }
    }

    private AgentResult transition(String verb, OcfExitCode wanted, long deadline) throws IOException {
        AgentResult before = status(deadline);
        if (before.status() != ExecStatus.DONE) {
            return before;
        }
        if (before.exitCode() == wanted) {
            return AgentResult.of(OcfExitCode.SUCCESS, "lsb:" + type + " already "
                    + (wanted == OcfExitCode.SUCCESS ? "running" : "stopped"));
        }
        Outcome o = run(verb, deadline);
        AgentResult failed = incomplete(verb, o);
        if (failed != null) {
            return failed;
        }
        if (o.exitCode() == 0) {
            return AgentResult.of(OcfExitCode.SUCCESS, o.output());
        }
        AgentResult after = status(deadline);
        if (after.status() == ExecStatus.DONE && after.exitCode() == wanted) {
            return AgentResult.of(OcfExitCode.SUCCESS, verb + " exited " + o.exitCode() + " but status shows "
                    + (wanted == OcfExitCode.SUCCESS ? "running" : "stopped") + ": " + o.output());
        }
        OcfExitCode code = o.exitCode() >= 1 && o.exitCode() <= 7 ? OcfExitCode.of(o.exitCode())
                : OcfExitCode.ERR_GENERIC;
        if (code == OcfExitCode.NOT_RUNNING) {
            code = OcfExitCode.ERR_GENERIC;
        }
        return AgentResult.error(code, verb + " of lsb:" + type + " exited " + o.exitCode() + ": " + o.output());
    }

    private AgentResult status(long deadline) throws IOException {
        Outcome o = run("status", deadline);
        AgentResult failed = incomplete("status", o);
        if (failed != null) {
            return failed;
        }
        return AgentResult.of(mapStatus(o.exitCode()), o.output());
    }

    /** LSB status exit code → OCF monitor result. */
    static OcfExitCode mapStatus(int rc) {
        return switch (rc) {
            case 0 -> OcfExitCode.SUCCESS;
            case 1, 2, 3 -> OcfExitCode.NOT_RUNNING;
            default -> OcfExitCode.ERR_GENERIC;
        };
    }

    private AgentResult incomplete(String verb, Outcome o) {
        if (o.interrupted()) {
            return AgentResult.failed(ExecStatus.CANCELLED, verb + " of lsb:" + type + " interrupted");
        }
        if (o.timedOut()) {
            return AgentResult.failed(ExecStatus.TIMED_OUT, verb + " of lsb:" + type + " timed out; killed");
        }
        return null;
    }

    private Outcome run(String verb, long deadline) throws IOException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        return AgentProcess.run(List.of(script.toString(), verb), Map.of("SYSTEMCTL_SKIP_REDIRECT", "1",
                "_SYSTEMCTL_SKIP_REDIRECT", "1"), Path.of("/"), Duration.ofMillis(left));
    }

    /** The meta-data with the {@code ra-api-1.dtd} document type OCF tools validate against. */

    /** Meta-data from the script's LSB header ({@code Short-Description}, {@code Description}) when it has one. */
    static AgentMetadata describe(Path script, String type) {
        String shortDesc = type + " init script";
        StringBuilder longDesc = new StringBuilder();
        try {
            List<String> lines = Files.readAllLines(script, StandardCharsets.ISO_8859_1);
            boolean in = false;
            boolean inDescription = false;
            for (String l : lines) {
                if (l.startsWith("### BEGIN INIT INFO")) {
                    in = true;
                } else if (l.startsWith("### END INIT INFO")) {
                    break;
                } else if (in && l.startsWith("# Short-Description:")) {
                    shortDesc = l.substring("# Short-Description:".length()).strip();
                    inDescription = false;
                } else if (in && l.startsWith("# Description:")) {
                    longDesc.append(l.substring("# Description:".length()).strip());
                    inDescription = true;
                } else if (in && inDescription && (l.startsWith("#\t") || l.startsWith("#  "))) {
                    longDesc.append(' ').append(l.substring(1).strip());
                } else {
                    inDescription = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep the generic description
        }
        return new AgentMetadata(type, "1.0", shortDesc,
                longDesc.length() > 0 ? longDesc.toString() : "LSB init script " + script, List.of(),
                List.of(ActionSpec.of(AgentAction.START, DEFAULT_TIMEOUT),
                        ActionSpec.of(AgentAction.STOP, DEFAULT_TIMEOUT),
                        ActionSpec.recurring(AgentAction.MONITOR, DEFAULT_TIMEOUT, Duration.ofSeconds(15)),
                        ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                        ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(5))));
    }
}
