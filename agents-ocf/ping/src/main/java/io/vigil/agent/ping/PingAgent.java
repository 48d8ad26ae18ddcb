package io.vigil.agent.ping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.attribute.NodeAttributes;
import io.vigil.api.agent.support.AttributeAgent;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:pacemaker:ping}: measures connectivity by pinging every host of {@code host_list} ({@code ping -n -q
 * -c attempts -W timeout host}, hosts in parallel) and publishes {@code name} (default {@code pingd}) =
 * {@code multiplier} × reachable hosts as a node attribute with {@code dampen}, through the controller's
 * {@link NodeAttributes} service. Start creates the state file and publishes; monitor republishes (and fails when
 * the score is below {@code failure_score}); stop deletes the attribute and the state file. Without the attribute
 * service, start and monitor fail with a message naming it.
 */
public class PingAgent extends AttributeAgent<PingAgent.Config> {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:%_-]{0,253}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|msec|s|sec|m|min|h|hr)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.#-]{1,128}");

    private static final AgentMetadata METADATA = new AgentMetadata("ping", "1.0",
            "node connectivity", "Pings a list of hosts and publishes the number of reachable ones, times "
                    + "multiplier, as a node attribute for location rules.",
            List.of(ParameterSpec.optional("pidfile", null, "state file (default <run dir>/ping-<instance>)"),
                    ParameterSpec.optional("dampen", "5s", "how long the value must be stable before it is written"),
                    ParameterSpec.optional("name", "pingd", "name of the node attribute"),
                    new ParameterSpec("multiplier", "integer", false, false, "1", "score per reachable host", ""),
                    new ParameterSpec("host_list", "string", true, false, null, "hosts to ping (space separated)",
                            ""),
                    new ParameterSpec("attempts", "integer", false, false, "3", "pings per host", ""),
                    new ParameterSpec("timeout", "integer", false, false, null,
                            "seconds to wait for each reply (default: derived from the action timeout)", ""),
                    ParameterSpec.optional("options", null, "extra ping options (whitespace separated)"),
                    new ParameterSpec("failure_score", "integer", false, false, "0",
                            "monitor fails when the score is below this", ""),
                    new ParameterSpec("use_fping", "boolean", false, false, "1",
                            "accepted for compatibility; Vigil uses ping", ""),
                    new ParameterSpec("debug", "string", false, false, "false", "accepted for compatibility", "")),
            List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(60)),
                    ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(20)),
                    ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(60), Duration.ofSeconds(10)),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(20))));

    record Config(List<String> hosts, int multiplier, Duration dampen, String name, int attempts, Integer timeout,
            List<String> options, int failureScore) {
    }

    public PingAgent() {
        super(METADATA, PingAgent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest r, Config c, long deadline)
            throws IOException, InterruptedException {
        Path state = Path.of(r.parameter("pidfile", r.environment().runDirectory().resolve("ping-"
                + r.resourceId().replaceAll("[^A-Za-z0-9_.-]", "_")).toString()));
        return switch (r.action()) {
            case VALIDATE_ALL -> Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(
                    Path.of("/bin/ping")) ? AgentResult.success()
                    : AgentResult.error(OcfExitCode.ERR_INSTALLED, "ping (iputils-ping) is not installed");
            case START -> {
                Files.createDirectories(state.toAbsolutePath().getParent());
                Files.writeString(state, r.resourceId() + "\n");
                yield update(r, c);
            }
            case MONITOR -> Files.exists(state) ? update(r, c)
                    : AgentResult.notRunning("state file " + state + " is absent");
            case STOP -> {
                NodeAttributes attrs = attributes();
                if (attrs != null) {
                    attrs.delete(r.environment().nodeName(), c.name());
                }
                Files.deleteIfExists(state);
                yield AgentResult.of(OcfExitCode.SUCCESS, attrs == null ? "stopped (no attribute service to "
                        + "clear " + c.name() + ")" : "stopped");
            }
            default -> unimplemented(r);
        };
    }

    static Object validate(ActionRequest r) {
        String list = r.parameter("host_list", "").trim();
        if (list.isEmpty()) {
            return configured("parameter host_list is required: the hosts to ping");
        }
        List<String> hosts = new ArrayList<>();
        for (String h : list.split("\\s+")) {
            if (!HOST.matcher(h).matches()) {
                return configured("parameter host_list: '" + h + "' is not a host name or address");
            }
            hosts.add(h);
        }
        Integer multiplier = integer(r.parameter("multiplier", "1"));
        if (multiplier == null) {
            return configured("parameter multiplier: '" + r.parameter("multiplier", "") + "' is not an integer");
        }
        Integer attempts = integer(r.parameter("attempts", "3"));
        if (attempts == null || attempts < 1) {
            return configured("parameter attempts: '" + r.parameter("attempts", "") + "' must be a positive integer");
        }
        Integer failure = integer(r.parameter("failure_score", "0"));
        if (failure == null) {
            return configured("parameter failure_score: '" + r.parameter("failure_score", "") + "' is not an integer");
        }
        Duration dampen = duration(r.parameter("dampen", "5s"));
        if (dampen == null) {
            return configured("parameter dampen: '" + r.parameter("dampen", "") + "' is not a duration (5s, 500ms)");
        }
        Integer timeout = null;
        String t = r.parameter("timeout", null);
        if (t != null) {
            Duration d = duration(t);
            if (d == null) {
                return configured("parameter timeout: '" + t + "' is not a duration");
            }
            timeout = (int) Math.max(1, d.toSeconds());
        }
        String name = r.parameter("name", "pingd");
        if (!NAME.matcher(name).matches()) {
            return configured("parameter name: '" + name + "' is not an attribute name");
        }
        List<String> options = new ArrayList<>();
        for (String o : r.parameter("options", "").trim().split("\\s+")) {
            if (!o.isEmpty()) {
                options.add(o);
            }
        }
        return new Config(hosts, multiplier, dampen, name, attempts, timeout, options, failure);
    }

    private AgentResult update(ActionRequest r, Config c) throws InterruptedException {
        NodeAttributes attrs = attributes();
        if (attrs == null) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "cannot publish " + c.name()
                    + ": no node attribute service");
        }
        int timeout = c.timeout() != null ? c.timeout()
                : (int) Math.max(1, r.timeout().toMillis() / c.attempts() / 1100);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(c.hosts().size(), 8), run -> {
            Thread th = new Thread(run, "ping-probe");
            th.setDaemon(true);
            return th;
        });
        List<String> down = new ArrayList<>();
        int active = 0;
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String h : c.hosts()) {
                results.add(pool.submit(() -> reachable(h, c, timeout, r.timeout())));
            }
            for (int i = 0; i < results.size(); i++) {
                try {
                    if (results.get(i).get()) {
                        active++;
                    } else {
                        down.add(c.hosts().get(i));
                    }
                } catch (ExecutionException e) {
                    down.add(c.hosts().get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int score = active * c.multiplier();
        attrs.set(r.environment().nodeName(), c.name(), Integer.toString(score), c.dampen());
        String msg = c.name() + "=" + score + " (" + active + " of " + c.hosts().size() + " hosts reachable"
                + (down.isEmpty() ? "" : "; down: " + String.join(" ", down)) + ")";
        if (r.action() == AgentAction.MONITOR && score < c.failureScore()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, msg + " is below failure_score " + c.failureScore());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, msg);
    }

    private static boolean reachable(String host, Config c, int timeout, Duration cap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ping"));
        if (host.contains(":")) {
            cmd.add("-6");
        }
        cmd.addAll(List.of("-n", "-q", "-c", Integer.toString(c.attempts()), "-W", Integer.toString(timeout)));
        cmd.addAll(c.options());
        cmd.add("--");
        cmd.add(host);
        Outcome o = AgentProcess.run(cmd, Map.of("LC_ALL", "C"), null, cap);
        return o.completed() && o.exitCode() == 0;
    }

    private static AgentResult configured(String m) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, m);
    }

    private static Integer integer(String s) {
        return s.trim().matches("-?\\d{1,9}") ? Integer.parseInt(s.trim()) : null;
    }

    static Duration duration(String s) {
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2) == null ? "s" : m.group(2);
        return switch (u) {
            case "ms", "msec" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h", "hr" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

}
