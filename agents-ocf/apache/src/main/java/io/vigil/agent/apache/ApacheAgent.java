package io.vigil.agent.apache;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.vigil.executor.process.ProcessState;
import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.ConfiguredAgent;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:heartbeat:apache}: starts {@code httpd [options] -f configfile -c "PidFile <run dir>/apache-<rsc>.pid"}
 * (the pid file is always the agent's own, as the original forces it too) with the variables of {@code envfiles}
 * (read by a shell that receives the file name as an argument, never as code). Start waits until the status page
 * answers. Monitor: the master from the pid file must be alive — a zombie is dead — and an HTTP GET of
 * {@code statusurl} must return 200 with a body matching {@code testregex}; at depth 10 also {@code testurl} /
 * {@code testregex10}. Stop sends SIGTERM to the master, and SIGKILL to it and its descendants when it has not
 * exited 2 s before the action's timeout.
 */
public class ApacheAgent extends ConfiguredAgent<ApacheAgent.Config> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(40);
    private static final String DEFAULT_REGEX = "</ *html *>";
    private static final Pattern AUTO = Pattern.compile("(?m)^(Total Accesses|ServerUptime|Uptime|Scoreboard):");

    private static final AgentMetadata METADATA = new AgentMetadata("apache", "1.0", "Manages an Apache Web server",
            "Starts, monitors (through a real HTTP request to the status URL) and stops an Apache httpd instance.",
            List.of(ParameterSpec.optional("configfile", "/etc/apache2/apache2.conf", "configuration file path"),
                    ParameterSpec.optional("httpd", "/usr/sbin/httpd",
                            "httpd binary path (falls back to /usr/sbin/apache2 when the default is absent)"),
                    new ParameterSpec("port", "integer", false, false, "80",
                            "port used to build the default status URL", ""),
                    ParameterSpec.optional("statusurl", null,
                            "status URL (default http://localhost:<port>/server-status)"),
                    ParameterSpec.optional("testregex", DEFAULT_REGEX,
                            "regular expression the status page must match"),
                    ParameterSpec.optional("client", null, "HTTP client: Vigil always uses its built-in client"),
                    ParameterSpec.optional("testurl", null, "URL tested at OCF_CHECK_LEVEL 10"),
                    ParameterSpec.optional("testregex10", null, "regular expression for testurl"),
                    ParameterSpec.optional("testconffile", null, "extended test configuration (not supported)"),
                    ParameterSpec.optional("testname", null, "test name in testconffile (not supported)"),
                    ParameterSpec.optional("options", null, "extra httpd command-line options (whitespace separated)"),
                    ParameterSpec.optional("envfiles", "/etc/apache2/envvars", "files with environment variables"),
                    new ParameterSpec("use_ipv6", "boolean", false, false, "false", "accepted for compatibility", "")),
            List.of(ActionSpec.of(AgentAction.START, DEFAULT_TIMEOUT), ActionSpec.of(AgentAction.STOP,
                    Duration.ofSeconds(60)),
                    ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(10)),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(5))));

    record Config(Path configfile, Path httpd, URI statusurl, Pattern testregex, URI testurl, Pattern testregex10,
            List<String> options, List<Path> envfiles) {
    }

    public ApacheAgent() {
        super(METADATA, ApacheAgent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest r, Config c, long deadline)
            throws IOException, InterruptedException {
        Path pidFile = pidFile(r);
        return switch (r.action()) {
            case VALIDATE_ALL -> installed(c);
            case START -> start(r, c, pidFile, deadline);
            case STOP -> stop(pidFile, deadline);
            case MONITOR -> monitor(r, c, pidFile, deadline);
            default -> unimplemented(r);
        };
    }

    static Path pidFile(ActionRequest r) {
        return r.environment().runDirectory().resolve("apache-" + r.resourceId().replaceAll("[^A-Za-z0-9_.-]", "_")
                + ".pid");
    }

    static Object validate(ActionRequest r) {
        Path configfile = Path.of(r.parameter("configfile", "/etc/apache2/apache2.conf"));
        String httpdParam = r.parameter("httpd", null);
        Path httpd = httpdParam != null ? Path.of(httpdParam)
                : Files.isExecutable(Path.of("/usr/sbin/httpd")) ? Path.of("/usr/sbin/httpd")
                : Path.of("/usr/sbin/apache2");
        if (!configfile.isAbsolute()) {
            return configured("parameter configfile: '" + configfile + "' must be an absolute path");
        }
        if (!httpd.isAbsolute()) {
            return configured("parameter httpd: '" + httpd + "' must be an absolute path");
        }
        String port = r.parameter("port", "80");
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
            return configured("parameter port: '" + port + "' is not a TCP port");
        }
        URI status;
        URI test = null;
        try {
            status = new URI(r.parameter("statusurl", "http://localhost:" + port + "/server-status"));
            if (!"http".equals(status.getScheme()) || status.getHost() == null) {
                return configured("parameter statusurl: '" + status + "' must be an http:// URL with a host");
            }
            if (r.parameter("testurl", null) != null) {
                test = new URI(r.parameter("testurl", null));
                if (!"http".equals(test.getScheme()) || test.getHost() == null) {
                    return configured("parameter testurl: '" + test + "' must be an http:// URL with a host");
                }
            }
        } catch (URISyntaxException e) {
            return configured("parameter statusurl/testurl: " + e.getMessage());
        }
        Pattern regex;
        Pattern regex10 = null;
        try {
            String tr = r.parameter("testregex", null);
            regex = tr == null ? null : Pattern.compile(tr, Pattern.CASE_INSENSITIVE);
            String t10 = r.parameter("testregex10", null);
            regex10 = t10 == null ? null : Pattern.compile(t10, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return configured("parameter testregex/testregex10: " + e.getDescription());
        }
        if (r.parameter("testconffile", null) != null) {
            return configured("parameter testconffile: not supported by Vigil; use testurl and testregex10");
        }
        List<String> options = new ArrayList<>();
        for (String o : r.parameter("options", "").trim().split("\\s+")) {
            if (!o.isEmpty()) {
                options.add(o);
            }
        }
        List<Path> envfiles = new ArrayList<>();
        for (String e : r.parameter("envfiles", "/etc/apache2/envvars").trim().split("\\s+")) {
            if (!e.isEmpty()) {
                envfiles.add(Path.of(e));
            }
        }
        return new Config(configfile, httpd, status, regex, test, regex10, options, envfiles);
    }

    private static AgentResult configured(String m) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, m);
    }

    private AgentResult installed(Config c) {
        if (!Files.isExecutable(c.httpd())) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter httpd: " + c.httpd()
                    + " is not installed");
        }
        if (!Files.isReadable(c.configfile())) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter configfile: " + c.configfile()
                    + " does not exist");
        }
        return AgentResult.success();
    }

    private AgentResult start(ActionRequest r, Config c, Path pidFile, long deadline)
            throws IOException, InterruptedException {
        OptionalLong pid = ProcessState.readPid(pidFile);
        if (pid.isPresent() && ProcessState.alive(pid.getAsLong())) {
            AgentResult m = monitor(r, c, pidFile, deadline);
            return m.exitCode() == OcfExitCode.SUCCESS ? AgentResult.of(OcfExitCode.SUCCESS, "already running")
                    : m;
        }
        AgentResult inst = installed(c);
        if (!inst.isSuccess()) {
            return inst;
        }
        Files.deleteIfExists(pidFile);
        List<String> cmd = new ArrayList<>();
        cmd.add(c.httpd().toString());
        cmd.addAll(c.options());
        cmd.addAll(List.of("-f", c.configfile().toString(), "-c", "PidFile " + pidFile));
        Outcome o = AgentProcess.run(cmd, environment(c, deadline), r.environment().runDirectory(),
                left(deadline));
        if (!o.completed() || o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "httpd did not start (rc " + o.exitCode() + "): "
                    + o.output());
        }
        AgentResult last = AgentResult.notRunning("not yet checked");
        while (System.nanoTime() < deadline - Duration.ofMillis(300).toNanos()) {
            last = monitor(r, c, pidFile, deadline);
            if (last.exitCode() == OcfExitCode.SUCCESS) {
                return AgentResult.of(OcfExitCode.SUCCESS, "apache started, pid "
                        + ProcessState.readPid(pidFile).orElse(-1));
            }
            Thread.sleep(100);
        }
        return AgentResult.error(OcfExitCode.ERR_GENERIC, "apache did not become healthy before the timeout: "
                + last.output());
    }

    private Map<String, String> environment(Config c, long deadline) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (Path f : c.envfiles()) {
            if (!Files.isReadable(f)) {
                continue;
            }
            Outcome o = AgentProcess.run(List.of("/bin/sh", "-c", ". \"$1\" >/dev/null 2>&1; env -0", "sh",
                    f.toString()), Map.of(), null, left(deadline));
            if (o.exitCode() == 0) {
                for (String kv : o.stdout().split("\0")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        env.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            }
        }
        return env;
    }

    private AgentResult monitor(ActionRequest r, Config c, Path pidFile, long deadline) {
        OptionalLong pid = ProcessState.readPid(pidFile);
        if (pid.isEmpty()) {
            return AgentResult.notRunning("no pid file " + pidFile);
        }
        char state = ProcessState.state(pid.getAsLong());
        if (state == 'Z') {
            return AgentResult.notRunning("apache master " + pid.getAsLong() + " is a zombie");
        }
        if (!ProcessState.alive(pid.getAsLong())) {
            return AgentResult.notRunning("apache master " + pid.getAsLong() + " is not running");
        }
        AgentResult s = check(c.statusurl(), c.testregex(), deadline);
        if (s.exitCode() != OcfExitCode.SUCCESS || r.checkLevel() < 10 || c.testurl() == null) {
            return s;
        }
        return check(c.testurl(), c.testregex10() != null ? c.testregex10() : c.testregex(), deadline);
    }

    private static AgentResult check(URI url, Pattern regex, long deadline) {
        try {
            Duration t = left(deadline);
            Http.Response resp = Http.get(url, t.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : t);
            if (resp.status() != 200) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, url + " answered HTTP " + resp.status());
            }
            boolean ok;
            if (regex != null) {
                ok = regex.matcher(resp.body()).find();
            } else {
                ok = AUTO.matcher(resp.body()).find()
                        || Pattern.compile(DEFAULT_REGEX, Pattern.CASE_INSENSITIVE).matcher(resp.body()).find();
            }
            return ok ? AgentResult.of(OcfExitCode.SUCCESS, url + " OK")
                    : AgentResult.error(OcfExitCode.ERR_GENERIC, url + " does not match "
                            + (regex == null ? DEFAULT_REGEX : regex.pattern()));
        } catch (IOException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "status request " + url + " failed: " + e.getMessage());
        }
    }

    private AgentResult stop(Path pidFile, long deadline) throws IOException, InterruptedException {
        OptionalLong pid = ProcessState.readPid(pidFile);
        if (pid.isEmpty() || !ProcessState.alive(pid.getAsLong())) {
            Files.deleteIfExists(pidFile);
            return AgentResult.of(OcfExitCode.SUCCESS, "apache is not running");
        }
        long p = pid.getAsLong();
        ProcessHandle master = ProcessHandle.of(p).orElse(null);
        if (master == null) {
            Files.deleteIfExists(pidFile);
            return AgentResult.success();
        }
        List<ProcessHandle> children = master.descendants().toList();
        master.destroy();
        long killAt = deadline - Duration.ofSeconds(2).toNanos();
        while (ProcessState.alive(p) && System.nanoTime() < killAt) {
            Thread.sleep(50);
        }
        String how = "SIGTERM";
        if (ProcessState.alive(p)) {
            children = new ArrayList<>(children);
            children.addAll(master.descendants().toList());
            master.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            how = "SIGKILL after SIGTERM was ignored";
            while (ProcessState.alive(p) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        if (ProcessState.alive(p)) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "apache master " + p + " survived SIGKILL");
        }
        Files.deleteIfExists(pidFile);
        return AgentResult.of(OcfExitCode.SUCCESS, "apache stopped (" + how + ")");
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(200).toNanos(), deadline - System.nanoTime()));
    }

}
