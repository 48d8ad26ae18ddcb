package io.vigil.agent.apache;

import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.agent.testkit.OcfTester;
import io.vigil.agent.testkit.Poll;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.executor.process.AgentProcess.Outcome;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A private apache instance (own ServerRoot, config, pid file, port on node a's own address) managed by the agent
 * inside node a; node b is the client. Killed behind the agent's back — with a's PID 1 not reaping, so the master
 * lingers as a zombie — monitor must say "not running".
 */
class ApacheAgentTest {

    private Lab lab;
    private Node a;
    private Path conf;
    private Map<String, String> p;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.network("a", "b");
        a = lab.node("a");
        Path dir = Files.createDirectories(a.dir().resolve("apache"));
        Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(dir.resolve("htdocs/index.html"), "<html><body>vigil</body></html>\n");
        conf = dir.resolve("httpd.conf");
        try (InputStream in = getClass().getResourceAsStream("/httpd-test.conf")) {
            Files.writeString(conf, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@DIR@", dir.toString()).replace("@LISTEN@", a.v4() + ":8080"));
        }
        p = params("configfile", conf.toString(), "httpd", "/usr/sbin/apache2",
                "statusurl", "http://" + a.v4() + ":8080/server-status?auto", "envfiles", "");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private int get(Node from, String url) {
        Outcome o = from.exec(List.of("python3", "-c", "import sys,urllib.request\ntry:\n"
                + " print(urllib.request.urlopen(sys.argv[1], timeout=3).status)\nexcept Exception as e:\n print(0)",
                url), Map.of(), Duration.ofSeconds(10));
        return Integer.parseInt(o.stdout().strip());
    }

    @Test
    void startMonitorKillBehindTheBackWithZombieMasterAndStop() {
        Node b = lab.node("b");
        try (AgentHandle web = a.agent(ApacheAgent.class.getName()).resource("web")) {
            assertEquals(7, web.run(AgentAction.MONITOR, p).exitCode().code());
            AgentResult start = web.run(AgentAction.START, p);
            assertTrue(start.isSuccess(), start.output());
            assertEquals(200, get(b, "http://" + a.v4() + ":8080/index.html"), "b reaches the web server");
            assertEquals(0, web.monitor(p, Duration.ofSeconds(10)).exitCode().code());
            assertTrue(web.run(AgentAction.START, p).isSuccess(), "start on started");

            a.setReaping(false);
            long master = Long.parseLong(a.ok("cat", a.runDirectory().resolve("apache-web.pid").toString())
                    .strip());
            a.ok("kill", "-KILL", Long.toString(master));
            List<Long> masters = a.pidsOf("apache2");
            Poll.until("the master is a zombie", Duration.ofSeconds(5),
                    () -> a.pidsOf("apache2").stream().anyMatch(x -> Node.state(x) == 'Z'));
            AgentResult dead = web.monitor(p, Duration.ofSeconds(10));
            assertEquals(OcfExitCode.NOT_RUNNING, dead.exitCode(), dead.output());
            assertTrue(dead.output().contains("zombie"), dead.output());
            for (long x : masters) {
                io.vigil.agent.testkit.Cmd.quietly("kill", "-KILL", Long.toString(x));
            }
            a.setReaping(true);
            Poll.until("the old instance is gone", Duration.ofSeconds(5), () -> a.pidsOf("apache2").isEmpty());

            AgentResult restart = web.run(AgentAction.START, p);
            assertTrue(restart.isSuccess(), restart.output());
            AgentResult stop = web.run(AgentAction.STOP, p);
            assertTrue(stop.isSuccess(), stop.output());
            Poll.until("every apache2 process is gone", Duration.ofSeconds(5), () -> a.pidsOf("apache2").isEmpty());
            assertEquals(7, web.run(AgentAction.MONITOR, p).exitCode().code());
            assertTrue(web.run(AgentAction.STOP, p).isSuccess(), "stop on stopped");
            assertEquals(0, get(b, "http://" + a.v4() + ":8080/index.html"), "nothing answers any more");
        }
    }

    @Test
    void monitorFailsWhenTheStatusPageDoesNotMatchAndStopEscalatesToSigkill() throws Exception {
        try (AgentHandle web = a.agent(ApacheAgent.class.getName()).resource("web")) {
            assertTrue(web.run(AgentAction.START, p).isSuccess());
            Map<String, String> wrong = new java.util.HashMap<>(p);
            wrong.put("testregex", "no such text anywhere");
            AgentResult m = web.run(AgentAction.MONITOR, wrong);
            assertEquals(OcfExitCode.ERR_GENERIC, m.exitCode(), m.output());
            assertTrue(web.run(AgentAction.STOP, p).isSuccess());
        }
        Path stubborn = a.dir().resolve("stubborn-httpd");
        try (InputStream in = getClass().getResourceAsStream("/stubborn-httpd")) {
            Files.write(stubborn, in.readAllBytes());
        }
        Files.setPosixFilePermissions(stubborn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> s = params("configfile", conf.toString(), "httpd", stubborn.toString(), "envfiles", "");
        try (AgentHandle web = a.agent(ApacheAgent.class.getName()).resource("stubborn")) {
            // start fails (no status page) but leaves the master running: exactly what stop must clean up
            web.run(AgentAction.START, s, Map.of(), Duration.ZERO, Duration.ofSeconds(2));
            Poll.until("the stubborn master runs", Duration.ofSeconds(5), () -> !a.pidsOf("sleep").isEmpty());
            AgentResult stop = web.run(AgentAction.STOP, s, Map.of(), Duration.ZERO, Duration.ofSeconds(4));
            assertTrue(stop.isSuccess(), stop.output());
            assertTrue(stop.output().contains("SIGKILL"), stop.output());
            Poll.until("the stubborn master is gone", Duration.ofSeconds(5), () -> a.pidsOf("sleep").isEmpty());
        }
    }

    @Test
    void validationAndOcfTester() {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle web = a.agent(ApacheAgent.class.getName())) {
            AgentResult missing = web.run(AgentAction.VALIDATE_ALL, params("configfile", "/nonexistent.conf",
                    "httpd", "/usr/sbin/apache2"));
            assertEquals(OcfExitCode.ERR_INSTALLED, missing.exitCode());
            assertTrue(missing.output().contains("parameter configfile"), missing.output());
            AgentResult port = web.run(AgentAction.START, params("port", "80; touch " + pwned));
            assertEquals(OcfExitCode.ERR_CONFIGURED, port.exitCode());
            assertTrue(port.output().contains("parameter port"), port.output());
            AgentResult regex = web.run(AgentAction.VALIDATE_ALL, params("testregex", "(unclosed"));
            assertEquals(OcfExitCode.ERR_CONFIGURED, regex.exitCode());
            // options are split into arguments, never interpreted: a hostile value is just an unknown option
            Map<String, String> evil = new java.util.HashMap<>(p);
            evil.put("options", "-DX;touch\u0020" + pwned);
            assertEquals(OcfExitCode.ERR_GENERIC, web.run(AgentAction.START, evil, Map.of(), Duration.ZERO,
                    Duration.ofSeconds(5)).exitCode());
            web.run(AgentAction.STOP, evil);
        }
        assertFalse(Files.exists(pwned));
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), ApacheAgent.class.getName(), List.of());
        Outcome o = OcfTester.run(a, script, "web", p);
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle h = a.agent(ApacheAgent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, p, pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
