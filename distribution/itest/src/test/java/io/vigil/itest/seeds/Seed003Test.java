package io.vigil.itest.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.Test;

/**
 * Seed 003 ({@code shared/seeds/003_9a33ddc27e3a7135.txt}): MySQL on DRBD with a VIP — "configuring a DRBD device
 * for use by MySQL, configuring MySQL to use a data directory residing on that DRBD device, selecting and assigning a
 * virtual IP address (VIP) that can freely float between cluster nodes, configuring MySQL to listen on that IP
 * address, managing all resources ... with the Pacemaker cluster manager". Two real nodes on namespaced test hosts,
 * a real private MariaDB; the primary host loses power (cable dead, whole process tree killed) and the whole stack —
 * DRBD promoted, file system mounted, MySQL with the row written before, VIP answering — comes back on the other.
 *
 * <p>The seed quotes no command; the lines typed are those of the OpenStack high-availability guide it points to
 * ("MySQL with Pacemaker and DRBD": {@code p_drbd_mysql}, {@code p_fs_mysql}, {@code p_ip_mysql}, {@code p_mysql},
 * {@code group g_mysql p_ip_mysql p_fs_mysql p_mysql}, {@code ms ms_drbd_mysql}, the colocation with
 * {@code ms_drbd_mysql:Master} and the order after {@code ms_drbd_mysql:promote}), as one {@code crm configure}
 * session. The VIP comes first in the group because MySQL binds to it ({@code --bind-address}).
 *
 * <p>Stand-ins, each forced by the test bed (TESTBED.md):
 * <ul>
 * <li><b>DRBD's kernel part is not exercised</b>: there is no DRBD kernel module. Each host has the stand-in
 * {@code drbdadm}/{@code drbdsetup} of the drbd agent's tests (state in files, DRBD 9's status format, the real
 * {@code drbdadm} parsing the configuration), put first on the node's PATH by a bind mount over the empty
 * {@code /usr/local/sbin} in that host's own mount namespace; {@code /etc/drbd.conf} is likewise the test's file,
 * resource {@code mysql} on hosts n1 and n2;</li>
 * <li>the DRBD device's contents ({@code device="/dev/drbd/by-res/mysql" fstype="xfs"}) are one directory both hosts
 * see — what DRBD replication gives — bind-mounted ({@code fstype=none options=bind}) on the per-test
 * {@code directory=DIR/var/lib/mysql} instead of /var/lib/mysql;</li>
 * <li>{@code ip="192.168.42.101"} is 10.240.0.101 (the test network), the client asking through it runs in the
 * switch namespace; {@code /etc/mysql/my.cnf} is the test's (a bind mount over /etc/mysql in each host's mount
 * namespace); {@code log} is under DIR (no /var/log/mysql here); /run/mysqld is created in each host's private /run
 * as the distribution's tmpfiles would; {@code enable_creation=1} lets the agent create the database.</li>
 * </ul>
 * Needs root (network and mount namespaces).
 */
class Seed003Test extends TwoNodeSeed {

    private static final Duration SETTLE = Duration.ofSeconds(240);
    private static final String VIP = "10.240.0.101";

    @Test
    void theDrbdFilesystemMysqlVipStackFailsOverAsAUnit() throws IOException {
        Path replicated = Files.createDirectories(dir.resolve("drbd-mysql")); // what both DRBD peers hold
        Path mountPoint = dir.resolve("var/lib/mysql");
        Path logDir = Files.createDirectories(dir.resolve("log-mysql"));
        Path etcMysql = Files.createDirectories(dir.resolve("etc-mysql"));
        Files.writeString(etcMysql.resolve("my.cnf"), "[mysqld]\nport=3306\nskip-name-resolve\n"
                + "innodb_buffer_pool_size=16M\ninnodb_log_file_size=8M\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Sh.run("chown", "mysql:mysql", replicated.toString(), logDir.toString());

        startCluster();
        // the application side of the network: a client address on the switch namespace's bridge
        addGateway();
        Path drbdConf = drbdConf();
        List<HostView> views = new ArrayList<>();
        for (TestHost h : cluster.hosts()) {
            HostView v = new HostView(h);
            views.add(v);
            v.inMountNamespace("mount", "--bind", standInDrbd(h).toString(), "/usr/local/sbin");
            v.inMountNamespace("mount", "--bind", drbdConf.toString(), "/etc/drbd.conf");
            v.inMountNamespace("mount", "--bind", etcMysql.toString(), "/etc/mysql");
            v.inMountNamespace("sh", "-c", "mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld");
        }
        String pathOfTheNodes = System.getenv("PATH");
        assertTrue(pathOfTheNodes.indexOf("/usr/local/sbin") >= 0 && pathOfTheNodes.indexOf("/usr/local/sbin")
                < pathOfTheNodes.indexOf("/usr/sbin"), "the stand-in drbdadm is put on the nodes' PATH through "
                + "/usr/local/sbin, which must come before /usr/sbin in the PATH the test runs with: " + pathOfTheNodes);

        TestHost admin = cluster.host("n1");
        try (AdminSession crm = new AdminSession(cluster, admin)) {
            crm.ok("crm configure");
            for (String line : List.of(
                    "property stonith-enabled=false",
                    "property no-quorum-policy=ignore",
                    "primitive p_drbd_mysql ocf:linbit:drbd params drbd_resource=\"mysql\" op start timeout=\"90s\""
                            + " op stop timeout=\"180s\" op promote timeout=\"180s\" op demote timeout=\"180s\""
                            + " op monitor interval=\"30s\" role=\"Slave\" op monitor interval=\"29s\" role=\"Master\"",
                    "primitive p_fs_mysql ocf:heartbeat:Filesystem params device=\"" + replicated + "\" directory=\""
                            + mountPoint + "\" fstype=\"none\" options=\"bind\" op start timeout=\"60s\""
                            + " op stop timeout=\"180s\" op monitor interval=\"60s\" timeout=\"60s\"",
                    "primitive p_ip_mysql ocf:heartbeat:IPaddr2 params ip=\"" + VIP + "\" cidr_netmask=\"24\""
                            + " op monitor interval=\"30s\"",
                    "primitive p_mysql ocf:heartbeat:mysql params additional_parameters=\"--bind-address=" + VIP
                            + "\" config=\"/etc/mysql/my.cnf\" pid=\"/var/run/mysqld/mysqld.pid\""
                            + " socket=\"/var/run/mysqld/mysqld.sock\" log=\"" + logDir.resolve("mysqld.log") + "\""
                            + " datadir=\"" + mountPoint + "\" binary=\"/usr/sbin/mariadbd\" enable_creation=\"1\""
                            + " op monitor interval=\"20s\" timeout=\"10s\" op start timeout=\"120s\""
                            + " op stop timeout=\"120s\"",
                    "group g_mysql p_ip_mysql p_fs_mysql p_mysql",
                    "ms ms_drbd_mysql p_drbd_mysql meta notify=\"true\" clone-max=\"2\"",
                    "colocation c_mysql_on_drbd inf: g_mysql ms_drbd_mysql:Master",
                    "order o_drbd_before_mysql inf: ms_drbd_mysql:promote g_mysql:start")) {
                crm.ok(line);
            }
            System.out.println("seed 003: " + crm.ok("commit").strip());
        }

        TestHost primary = awaitStackOnOneHost(admin, SETTLE);
        TestHost secondary = cluster.others(primary).get(0);
        System.out.println("seed 003, crm_mon -1 with the stack on " + primary.name() + ":\n"
                + SeedStatus.crmMon(admin));
        assertStackServedBy(views.get(primary.index() - 1), views.get(secondary.index() - 1), mountPoint);
        sql(views.get(primary.index() - 1), "CREATE DATABASE IF NOT EXISTS keystone; CREATE TABLE keystone.t (v "
                + "VARCHAR(40)); INSERT INTO keystone.t VALUES ('written on " + primary.name() + "')");

        // the primary dies: its cable goes dead and its whole process tree is killed (DRBD, MySQL and all)
        primary.powerCut();
        TestHost survivor = awaitStackOnOneHost(secondary, SETTLE);
        assertEquals(secondary, survivor, "the stack came back on the surviving host");
        System.out.println("seed 003, crm_mon -1 on " + survivor.name() + " after " + primary.name() + " died:\n"
                + SeedStatus.crmMon(survivor));
        HostView s = views.get(survivor.index() - 1);
        assertStackServedBy(s, null, mountPoint);
        assertEquals("written on " + primary.name(), sql(s, "SELECT v FROM keystone.t").strip(),
                "the row written on the old primary is in the database the new primary serves (the DRBD data "
                        + "followed the stack)");
    }

    /**
     * Waits until, as {@code observer} sees it, the cluster is settled with the stack on one host: ms_drbd_mysql has
     * exactly one instance per running host, promoted on one of them, and every member of g_mysql runs there; returns
     * that host.
     */
    private TestHost awaitStackOnOneHost(TestHost observer, Duration timeout) {
        String[] on = new String[1];
        List<String> running = cluster.hosts().stream().filter(TestHost::serving).map(TestHost::name).sorted()
                .toList();
        Deadline.await(() -> "ms_drbd_mysql promoted on one node, one instance on each of " + running
                + ", and g_mysql started with the promoted one, as " + observer.name() + " sees it:\n"
                + SeedStatus.quietCrmMon(observer), timeout, 300, () -> {
                    List<String[]> instances = instances(observer, "ms_drbd_mysql");
                    List<String> promoted = instances.stream().filter(i -> i[1].equals("Promoted")
                            || i[1].equals("Master")).map(i -> i[0]).toList();
                    List<String> nodes = instances.stream().map(i -> i[0]).sorted().toList();
                    List<String> ip = cluster.where(observer, "p_ip_mysql");
                    on[0] = promoted.size() == 1 ? promoted.get(0) : null;
                    return on[0] != null && nodes.equals(running) && ip.equals(promoted)
                            && cluster.where(observer, "p_fs_mysql").equals(ip)
                            && cluster.where(observer, "p_mysql").equals(ip);
                });
        return cluster.host(on[0]);
    }

    /** The instances of a clone as {node, role}, from the status JSON. */
    private List<String[]> instances(TestHost observer, String clone) {
        List<String[]> out = new ArrayList<>();
        JsonObject s = cluster.status(observer);
        if (s == null || !s.getAsJsonObject("resources").has(clone)) {
            return out;
        }
        for (JsonElement e : s.getAsJsonObject("resources").getAsJsonArray(clone)) {
            JsonObject o = e.getAsJsonObject();
            out.add(new String[] {o.get("node").getAsString(), o.get("role").getAsString()});
        }
        return out;
    }

    /** From the hosts' own state: DRBD Primary, the data mounted, the VIP held and MySQL answering through it. */
    private void assertStackServedBy(HostView on, HostView not, Path mountPoint) throws IOException {
        String name = on.host().name();
        assertTrue(drbdRole(on.host()).contains("role=Primary"), "the stand-in DRBD is Primary on " + name + ": "
                + drbdRole(on.host()));
        assertTrue(on.mounted(mountPoint), "the DRBD data is mounted on " + mountPoint + " on " + name);
        assertTrue(on.hasAddress(VIP), "the VIP " + VIP + " is on " + name);
        if (not != null) {
            assertFalse(drbdRole(not.host()).contains("role=Primary"), "DRBD is not Primary on " + not.host().name()
                    + " too: " + drbdRole(not.host()));
            assertFalse(not.mounted(mountPoint), "the DRBD data is not mounted on " + not.host().name() + " too");
            assertFalse(not.hasAddress(VIP), "the VIP is not on " + not.host().name() + " too");
        }
        // a client on the network (in the switch namespace, never the root one) reaches MariaDB through the VIP
        String[] greeting = new String[1];
        Deadline.await(() -> "MySQL to answer on " + VIP + ":3306 (served by " + name + "); it said: " + greeting[0],
                Duration.ofSeconds(60), 200, () -> {
                    greeting[0] = Sh.attempt("ip", "netns", "exec", cluster.network().run() + "-sw", "timeout", "5",
                            "bash", "-c", "exec 3<>/dev/tcp/" + VIP + "/3306 && head -c 120 <&3").out();
                    return greeting[0].contains("MariaDB");
                });
    }

    private String drbdRole(TestHost h) throws IOException {
        Path state = dir.resolve("drbd-" + h.name()).resolve("state/mysql");
        return Files.exists(state) ? Files.readString(state) : "(resource mysql down)";
    }

    /** Runs SQL as the host's MariaDB root, through its socket in the host's own /run. */
    private static String sql(HostView v, String statements) {
        Vigil.Result r = Sh.attempt("nsenter", "-t", Long.toString(v.pid()), "-m", "mariadb", "--no-defaults",
                "--socket=/run/mysqld/mysqld.sock", "-uroot", "--batch", "--skip-column-names", "-e", statements);
        if (r.exitCode() != 0) {
            throw new AssertionError("SQL on " + v.host().name() + " failed (" + r.exitCode() + "): " + r.out());
        }
        return r.out();
    }

    /** The test's /etc/drbd.conf: resource mysql on hosts n1 and n2 (their UTS host names). */
    private Path drbdConf() throws IOException {
        StringBuilder on = new StringBuilder();
        for (TestHost h : cluster.hosts()) {
            on.append("  on ").append(h.name()).append(" { node-id ").append(h.index() - 1).append("; address ")
                    .append(h.address()).append(":7789; }\n");
        }
        Path conf = dir.resolve("drbd.conf");
        Files.writeString(conf, "resource mysql {\n  device /dev/drbd0;\n  disk " + dir.resolve("backing.img")
                + ";\n  meta-disk internal;\n" + on + "  connection-mesh { hosts n1 n2; }\n}\n");
        return conf;
    }

    /** A host's copy of the stand-in drbdadm/drbdsetup (their state directory lives beside them). */
    private Path standInDrbd(TestHost h) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("drbd-" + h.name()));
        for (String f : List.of("drbdadm", "drbdsetup")) {
            try (InputStream in = getClass().getResourceAsStream("fake-drbd/" + f)) {
                if (in == null) {
                    throw new AssertionError("the stand-in " + f + " is missing from the test resources "
                            + "(io/vigil/itest/seeds/fake-drbd)");
                }
                Files.write(bin.resolve(f), in.readAllBytes());
            }
            Files.setPosixFilePermissions(bin.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(bin.resolve("state"));
        return bin;
    }
}
