package io.vigil.agent.mysql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

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
 * {@code ocf:heartbeat:mysql} (MySQL and MariaDB): start runs {@code binary} (mysqld_safe, mysqld or mariadbd)
 * detached with {@code --defaults-file --pid-file --socket --datadir --log-error --user} and the whitespace-split
 * {@code additional_parameters}, creating the data directory first when {@code enable_creation} is set, and waits
 * until the server answers {@code mysqladmin ping}. Monitor: the pid from {@code pid} must be alive (a zombie is
 * dead); at {@code OCF_CHECK_LEVEL} ≥ 10 a real query {@code SELECT COUNT(*) FROM test_table} as
 * {@code test_user} (password via {@code MYSQL_PWD}, never on the command line) must succeed. Stop asks
 * {@code mysqladmin shutdown}, then SIGTERM, then SIGKILL 2 s before the timeout. Replication parameters of the
 * original are not implemented.
 */
public class MysqlAgent extends ConfiguredAgent<MysqlAgent.Config> {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_$]{1,64}(\\.[A-Za-z0-9_$]{1,64})?");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern SQL_USER = Pattern.compile("[A-Za-z0-9_.@%-]{1,80}");

    private static final AgentMetadata METADATA = new AgentMetadata("mysql", "1.0", "Manages a MySQL database "
            + "instance", "Starts, monitors (with a real query at depth 10) and stops a MySQL or MariaDB server.",
            List.of(ParameterSpec.optional("binary", "/usr/bin/mysqld_safe", "server program (mysqld_safe, mysqld, "
                            + "mariadbd)"),
                    ParameterSpec.optional("client_binary", "mysql", "client program"),
                    ParameterSpec.optional("config", "/etc/mysql/my.cnf", "configuration file"),
                    ParameterSpec.optional("datadir", "/var/lib/mysql", "data directory"),
                    ParameterSpec.optional("user", "mysql", "system user the server runs as"),
                    ParameterSpec.optional("group", "mysql", "system group of the server"),
                    ParameterSpec.optional("log", "/var/log/mysql/error.log", "error log"),
                    new ParameterSpec("pid", "string", false, true, "/var/run/mysqld/mysqld.pid", "pid file", ""),
                    new ParameterSpec("socket", "string", false, true, "/var/run/mysqld/mysqld.sock", "socket", ""),
                    ParameterSpec.optional("test_user", "root", "user for the monitor query"),
                    ParameterSpec.optional("test_passwd", "", "password of test_user"),
                    ParameterSpec.optional("test_table", "mysql.user", "table counted by the monitor query"),
                    new ParameterSpec("enable_creation", "boolean", false, false, "0",
                            "create the database when the data directory is empty", ""),
                    ParameterSpec.optional("additional_parameters", "", "extra server options (whitespace separated)")),
            List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(120)),
                    ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(120)),
                    ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(30), Duration.ofSeconds(20)),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(5))));

    record Config(Path binary, String client, Path config, Path datadir, String user, String group, Path log,
            Path pid, Path socket, String testUser, String testPasswd, String testTable, boolean create,
            List<String> additional) {
    }

    public MysqlAgent() {
        super(METADATA, MysqlAgent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest r, Config c, long deadline)
            throws IOException, InterruptedException {
        return switch (r.action()) {
            case VALIDATE_ALL -> installed(c);
            case START -> start(c, deadline);
            case STOP -> stop(c, deadline);
            case MONITOR -> monitor(c, r.checkLevel(), deadline);
            default -> unimplemented(r);
        };
    }

    static Object validate(ActionRequest r) {
        Map<String, Path> paths = new HashMap<>();
        String[][] defaults = {{"binary", "/usr/bin/mysqld_safe"}, {"config", "/etc/mysql/my.cnf"},
            {"datadir", "/var/lib/mysql"}, {"log", "/var/log/mysql/error.log"}, {"pid", "/var/run/mysqld/mysqld.pid"},
            {"socket", "/var/run/mysqld/mysqld.sock"}};
        for (String[] d : defaults) {
            String v = r.parameter(d[0], d[1]);
            if (!v.startsWith("/") || v.contains("\n")) {
                return configured("parameter " + d[0] + ": '" + v + "' must be an absolute path");
            }
            paths.put(d[0], Path.of(v));
        }
        String user = r.parameter("user", "mysql");
        String group = r.parameter("group", "mysql");
        if (!ACCOUNT.matcher(user).matches()) {
            return configured("parameter user: '" + user + "' is not a user name");
        }
        if (!ACCOUNT.matcher(group).matches()) {
            return configured("parameter group: '" + group + "' is not a group name");
        }
        String table = r.parameter("test_table", "mysql.user");
        if (!TABLE.matcher(table).matches()) {
            return configured("parameter test_table: '" + table + "' must be [database.]table");
        }
        String testUser = r.parameter("test_user", "root");
        if (!SQL_USER.matcher(testUser).matches()) {
            return configured("parameter test_user: '" + testUser + "' is not a user name");
        }
        String client = r.parameter("client_binary", "mysql");
        if (client.startsWith("-") || client.contains(" ")) {
            return configured("parameter client_binary: '" + client + "' is not a program");
        }
        String create = r.parameter("enable_creation", "0");
        List<String> extra = new ArrayList<>();
        for (String a : r.parameter("additional_parameters", "").trim().split("\\s+")) {
            if (!a.isEmpty()) {
                extra.add(a);
            }
        }
        return new Config(paths.get("binary"), client, paths.get("config"), paths.get("datadir"), user, group,
                paths.get("log"), paths.get("pid"), paths.get("socket"), testUser, r.parameter("test_passwd", ""),
                table, create.matches("(?i)1|true|yes|on|y"), extra);
    }

    private static AgentResult configured(String m) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, m);
    }

    private AgentResult installed(Config c) throws IOException {
        if (!Files.isExecutable(c.binary())) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter binary: " + c.binary()
                    + " is not installed");
        }
        if (!Files.isReadable(c.config())) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter config: " + c.config()
                    + " does not exist");
        }
        boolean known = Files.readAllLines(Path.of("/etc/passwd")).stream()
                .anyMatch(l -> l.startsWith(c.user() + ":"));
        if (!known) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter user: system user " + c.user()
                    + " does not exist");
        }
        return AgentResult.success();
    }

    private AgentResult start(Config c, long deadline) throws IOException, InterruptedException {
        if (running(c)) {
            return AgentResult.of(OcfExitCode.SUCCESS, "already running");
        }
        AgentResult inst = installed(c);
        if (!inst.isSuccess()) {
            return inst;
        }
        if (!Files.isDirectory(c.datadir().resolve("mysql"))) {
            if (!c.create()) {
                return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter datadir: " + c.datadir()
                        + " holds no database (set enable_creation=1 to create one)");
            }
            Files.createDirectories(c.datadir());
            Outcome init = AgentProcess.run(List.of(installDb(), "--defaults-file=" + c.config(),
                    "--datadir=" + c.datadir(), "--user=" + c.user(), "--auth-root-authentication-method=socket"),
                    Map.of(), null, left(deadline));
            if (!init.completed() || init.exitCode() != 0) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "creating the database in " + c.datadir()
                        + " failed: " + init.output());
            }
        }
        Files.deleteIfExists(c.pid());
        List<String> cmd = new ArrayList<>(List.of("setsid", "-f", c.binary().toString(),
                "--defaults-file=" + c.config(), "--pid-file=" + c.pid(), "--socket=" + c.socket(),
                "--datadir=" + c.datadir(), "--log-error=" + c.log(), "--user=" + c.user()));
        cmd.addAll(c.additional());
        Outcome o = AgentProcess.run(cmd, Map.of(), Path.of("/"), left(deadline));
        if (!o.completed() || o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "could not launch " + c.binary() + ": " + o.output());
        }
        String last = "";
        while (System.nanoTime() < deadline - Duration.ofMillis(500).toNanos()) {
            Outcome ping = admin(c, "ping", deadline);
            if (ping.completed() && ping.exitCode() == 0 && running(c)) {
                return AgentResult.of(OcfExitCode.SUCCESS, "MySQL started, pid " + ProcessState.readPid(c.pid()).orElse(-1));
            }
            last = ping.output();
            Thread.sleep(200);
        }
        return AgentResult.error(OcfExitCode.ERR_GENERIC, "MySQL did not come up before the timeout: " + last
                + "; see " + c.log());
    }

    private static String installDb() {
        for (String p : List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db",
                "/usr/local/bin/mysql_install_db")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return "mysql_install_db";
    }

    private boolean running(Config c) {
        OptionalLong pid = ProcessState.readPid(c.pid());
        return pid.isPresent() && ProcessState.alive(pid.getAsLong());
    }

    private AgentResult monitor(Config c, int depth, long deadline) throws IOException {
        OptionalLong pid = ProcessState.readPid(c.pid());
        if (pid.isEmpty()) {
            return AgentResult.notRunning("no pid file " + c.pid());
        }
        if (ProcessState.state(pid.getAsLong()) == 'Z') {
            return AgentResult.notRunning("MySQL server " + pid.getAsLong() + " is a zombie");
        }
        if (!ProcessState.alive(pid.getAsLong())) {
            return AgentResult.notRunning("MySQL server " + pid.getAsLong() + " is not running");
        }
        if (depth < 10) {
            return AgentResult.of(OcfExitCode.SUCCESS, "MySQL running, pid " + pid.getAsLong());
        }
        Map<String, String> env = new HashMap<>();
        if (!c.testPasswd().isEmpty()) {
            env.put("MYSQL_PWD", c.testPasswd());
        }
        Outcome q = AgentProcess.run(List.of(c.client(), "--no-defaults", "--socket=" + c.socket(),
                "--user=" + c.testUser(), "--batch", "--skip-column-names", "--connect-timeout=5", "--execute",
                "SELECT COUNT(*) FROM " + c.testTable()), env, null, cap(deadline, Duration.ofSeconds(15)));
        if (!q.completed() || q.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "monitor query on " + c.testTable() + " failed: "
                    + q.output());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, c.testTable() + " has " + q.stdout().strip() + " rows");
    }

    private Outcome admin(Config c, String command, long deadline) throws IOException {
        Map<String, String> env = new HashMap<>();
        if (!c.testPasswd().isEmpty()) {
            env.put("MYSQL_PWD", c.testPasswd());
        }
        String admin = Files.isExecutable(Path.of("/usr/bin/mysqladmin")) ? "/usr/bin/mysqladmin"
                : "/usr/bin/mariadb-admin";
        return AgentProcess.run(List.of(admin, "--no-defaults", "--socket=" + c.socket(), "--user=" + c.testUser(),
                "--connect-timeout=2", command), env, null, cap(deadline, Duration.ofSeconds(10)));
    }

    private AgentResult stop(Config c, long deadline) throws IOException, InterruptedException {
        OptionalLong pid = ProcessState.readPid(c.pid());
        if (pid.isEmpty() || !ProcessState.alive(pid.getAsLong())) {
            Files.deleteIfExists(c.pid());
            return AgentResult.of(OcfExitCode.SUCCESS, "MySQL is not running");
        }
        long p = pid.getAsLong();
        long killAt = deadline - Duration.ofSeconds(2).toNanos();
        String how = "mysqladmin shutdown";
        Outcome o = admin(c, "shutdown", killAt);
        if (!o.completed() || o.exitCode() != 0) {
            how = "SIGTERM (mysqladmin shutdown failed: " + o.output() + ")";
            ProcessHandle.of(p).ifPresent(ProcessHandle::destroy);
        }
        while (ProcessState.alive(p) && System.nanoTime() < killAt) {
            Thread.sleep(50);
        }
        if (ProcessState.alive(p)) {
            ProcessHandle.of(p).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
            how += ", then SIGKILL";
            while (ProcessState.alive(p) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        if (ProcessState.alive(p)) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "MySQL server " + p + " survived SIGKILL");
        }
        Files.deleteIfExists(c.pid());
        Files.deleteIfExists(c.socket());
        return AgentResult.of(OcfExitCode.SUCCESS, "MySQL stopped by " + how);
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(200).toNanos(), deadline - System.nanoTime()));
    }

    private static Duration cap(long deadline, Duration max) {
        Duration l = left(deadline);
        return l.compareTo(max) > 0 ? max : l;
    }

}
