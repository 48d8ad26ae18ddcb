package io.vigil.agent.mysql;

import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Cmd;
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
 * A private MariaDB instance (own config, datadir created by the agent, socket, pid file, port 3306 on the node's
 * own loopback) managed inside test node a: real queries at depth 10, killed behind the agent's back with a's
 * PID 1 not reaping (the server lingers as a zombie), restarted, stopped with mysqladmin shutdown; ocf-tester.
 */
class MysqlAgentTest {

    private Lab lab;
    private Node a;
    private Map<String, String> p;

    @BeforeEach
    void setUp() throws Exception {
        lab = Lab.isolated("a");
        a = lab.node("a");
        Path run = Files.createDirectories(a.dir().resolve("mysql-run"));
        Cmd.ok("chown", "mysql:mysql", run.toString());
        Path cnf = a.dir().resolve("my.cnf");
        Files.writeString(cnf, "[mysqld]\nbind-address=127.0.0.1\nport=3306\nskip-name-resolve\n"
                + "innodb_buffer_pool_size=16M\ninnodb_log_file_size=8M\n");
        p = params("binary", "/usr/sbin/mariadbd", "config", cnf.toString(),
                "datadir", a.dir().resolve("data").toString(), "pid", run.resolve("mysqld.pid").toString(),
                "socket", run.resolve("mysqld.sock").toString(), "log", run.resolve("error.log").toString(),
                "enable_creation", "1");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private static Map<String, String> deep(Map<String, String> p) {
        Map<String, String> d = new HashMap<>(p);
        d.put("OCF_CHECK_LEVEL", "10");
        return d;
    }

    @Test
    void lifecycleWithRealQueriesAndAZombieServer() {
        try (AgentHandle db = a.agent(MysqlAgent.class.getName()).resource("db")) {
            assertEquals(7, db.run(AgentAction.MONITOR, p).exitCode().code());
            AgentResult start = db.run(AgentAction.START, p, Map.of(), Duration.ZERO, Duration.ofSeconds(90));
            assertTrue(start.isSuccess(), start.output());
            AgentResult q = db.monitor(deep(p), Duration.ofSeconds(20));
            assertEquals(0, q.exitCode().code(), q.output());
            assertTrue(q.output().contains("mysql.user has"), q.output());
            Map<String, String> missingTable = deep(p);
            missingTable.put("test_table", "nosuchdb.t");
            assertEquals(OcfExitCode.ERR_GENERIC, db.monitor(missingTable, Duration.ofSeconds(20)).exitCode());
            assertTrue(db.run(AgentAction.START, p).isSuccess(), "start on started");

            a.setReaping(false);
            long pid = a.pidsOf("mariadbd").get(0);
            Cmd.ok("kill", "-KILL", Long.toString(pid));
            Poll.until("mariadbd is a zombie", Duration.ofSeconds(5), () -> Node.state(pid) == 'Z');
            AgentResult dead = db.monitor(p, Duration.ofSeconds(20));
            assertEquals(OcfExitCode.NOT_RUNNING, dead.exitCode(), dead.output());
            assertTrue(dead.output().contains("zombie"), dead.output());
            a.setReaping(true);
            Poll.until("the zombie is reaped", Duration.ofSeconds(5), () -> Node.state(pid) == '-');

            AgentResult restart = db.run(AgentAction.START, p, Map.of(), Duration.ZERO, Duration.ofSeconds(90));
            assertTrue(restart.isSuccess(), restart.output());
            assertEquals(0, db.monitor(deep(p), Duration.ofSeconds(20)).exitCode().code());
            AgentResult stop = db.run(AgentAction.STOP, p, Map.of(), Duration.ZERO, Duration.ofSeconds(60));
            assertTrue(stop.isSuccess(), stop.output());
            assertTrue(stop.output().contains("mysqladmin shutdown"), stop.output());
            assertTrue(a.pidsOf("mariadbd").isEmpty());
            assertEquals(7, db.run(AgentAction.MONITOR, p).exitCode().code());
            assertTrue(db.run(AgentAction.STOP, p).isSuccess(), "stop on stopped");
        }
    }

    @Test
    void validationAndOcfTester() {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle db = a.agent(MysqlAgent.class.getName())) {
            Map<String, String> bad = new HashMap<>(p);
            bad.put("test_table", "mysql.user; DROP TABLE x");
            AgentResult t = db.run(AgentAction.VALIDATE_ALL, bad);
            assertEquals(OcfExitCode.ERR_CONFIGURED, t.exitCode());
            assertTrue(t.output().contains("parameter test_table"), t.output());
            Map<String, String> rel = new HashMap<>(p);
            rel.put("datadir", "data; touch " + pwned);
            assertEquals(OcfExitCode.ERR_CONFIGURED, db.run(AgentAction.START, rel).exitCode());
            Map<String, String> nobin = new HashMap<>(p);
            nobin.put("binary", "/usr/sbin/vigil-no-mysqld");
            AgentResult r = db.run(AgentAction.VALIDATE_ALL, nobin);
            assertEquals(OcfExitCode.ERR_INSTALLED, r.exitCode());
            assertTrue(r.output().contains("parameter binary"), r.output());
            Map<String, String> nouser = new HashMap<>(p);
            nouser.put("user", "vigilnosuchuser");
            assertEquals(OcfExitCode.ERR_INSTALLED, db.run(AgentAction.VALIDATE_ALL, nouser).exitCode());
        }
        assertFalse(Files.exists(pwned));
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), MysqlAgent.class.getName(), List.of());
        Outcome o = OcfTester.run(a, script, "db", p);
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        try (AgentHandle h = a.agent(MysqlAgent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, p, pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
