package io.vigil.itest.seeds;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;

import org.junit.jupiter.api.Test;

/**
 * Seed 001 ({@code shared/seeds/001_e2c261501489eb71.txt}): the crmsh session of the Debian 2-node web cluster,
 * typed as one {@code crm configure} session (each line, then {@code commit}) on vm-node1, on two real nodes
 * (namespaced test hosts) each running a real private apache. Then: the VIP and apache run on vm-node1 and answer
 * through the VIP; apache is monitored through its status URL (its access log shows the agent's requests); cutting
 * vm-node1's way to the gateway moves the VIP and apache to vm-node2 (the ping clone's {@code pingd} and the
 * {@code not_defined pingd or pingd lte 0} rule); apache killed behind the cluster's back is a failure that
 * {@code crm resource cleanup httpd} clears.
 *
 * <p>Deviations from the seed's lines, each forced by the test bed:
 * <ul>
 * <li>vm-node1/vm-node2 are the test hosts n1/n2 ({@code location preferred-node vip 100 : n1});</li>
 * <li>the seed's web copy lost blanks ({@code 24nic=}, {@code "op}, {@code rule-inf:not_defined}); they are
 * restored, as in shell-crm's {@code seed001-crm.txt};</li>
 * <li>{@code ip=192.168.1.60 … nic="bond1"} is {@code ip=10.240.0.60 … nic="eth0"} (the test network; no bonding
 * here) and the gateway {@code host_list="192.168.1.1"} is 10.240.0.1, an address the test puts on the bridge of the
 * switch namespace; "cutting the gateway" is a blackhole route to it in n1's network namespace;</li>
 * <li>{@code configfile="/etc/apache2/apache2.conf"} is kept: each host gets its own /etc/apache2 (a private
 * instance: own ServerRoot, logs, the seed's {@code <Location /server-status>} block with the 2.2-style
 * Order/Deny/Allow through mod_access_compat) bind-mounted in its own mount namespace only;</li>
 * <li>{@code crm resource clean up httpd} is typed {@code crm resource cleanup httpd} (crmsh has no "clean up";
 * Vigil answers the split word with "did you mean 'cleanup'?");</li>
 * <li>the corosync.conf/authkey/bonding steps have no Vigil counterpart (the hosts' cluster is already formed).</li>
 * </ul>
 * Needs root (network and mount namespaces).
 */
class Seed001Test extends TwoNodeSeed {

    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final String VIP = "10.240.0.60";

    @Test
    void theCrmSessionRunsTheWebServiceWhereTheGatewayIsReachable() throws IOException {
        startCluster();
        TestHost node1 = cluster.host("n1");
        TestHost node2 = cluster.host("n2");
        addGateway();
        for (TestHost h : cluster.hosts()) {
            new HostView(h).inMountNamespace("mount", "--bind", apacheConfig(h).toString(), "/etc/apache2");
        }

        try (AdminSession crm = new AdminSession(cluster, node1)) {
            crm.ok("crm configure");
            for (String line : List.of(
                    "property stonith-enabled=false",
                    "property no-quorum-policy=ignore",
                    "primitive vip ocf:heartbeat:IPaddr2 params ip=" + VIP + " cidr_netmask=24 nic=\"eth0\""
                            + " op monitor interval=\"10s\"",
                    "primitive httpd ocf:heartbeat:apache params configfile=\"/etc/apache2/apache2.conf\""
                            + " statusurl=\"http://localhost/server-status\" op start timeout=\"60s\""
                            + " op stop timeout=\"60s\" op monitor timeout=\"20s\"",
                    "colocation httpd-with-vip inf : httpd vip",
                    "location preferred-node vip 100 : n1",
                    "primitive ping-gateway ocf:pacemaker:ping params host_list=\"" + GATEWAY + "\""
                            + " multiplier=\"1000\" op monitor interval=\"10s\"",
                    "clone cloned-ping-gateway ping-gateway",
                    "location vip-needs-gateway vip rule -inf: not_defined pingd or pingd lte 0")) {
                crm.ok(line);
            }
            System.out.println("seed 001: " + crm.ok("commit").strip());
        }

        SeedStatus.awaitStarted(cluster, node1, "cloned-ping-gateway", List.of("n1", "n2"), SETTLE);
        SeedStatus.awaitStarted(cluster, node1, "vip", List.of("n1"), SETTLE);
        SeedStatus.awaitStarted(cluster, node1, "httpd", List.of("n1"), SETTLE);
        System.out.println("seed 001, crm_mon -1 -A on n1:\n" + node1.ok("crm_mon -1 -A"));
        awaitServedBy(node2, node1);
        Deadline.await(() -> "apache on n1 to log the agent's status requests from 127.0.0.1; access log: "
                + accessLog(node1), SETTLE, 200,
                () -> accessLog(node1).lines().anyMatch(l -> l.startsWith("127.0.0.1 ")
                        && l.contains("\"GET /server-status")));

        // vm-node1 loses its gateway: its pingd drops to 0 and the rule sends the VIP, and apache with it, away
        Sh.run("ip", "-n", node1.namespace(), "route", "add", "blackhole", GATEWAY + "/32");
        SeedStatus.awaitStarted(cluster, node2, "vip", List.of("n2"), SETTLE);
        SeedStatus.awaitStarted(cluster, node2, "httpd", List.of("n2"), SETTLE);
        System.out.println("seed 001, crm_mon -1 -A on n2 after n1 lost its gateway:\n" + node2.ok("crm_mon -1 -A"));
        assertFalse(new HostView(node1).hasAddress(VIP), "n1 gave up the VIP " + VIP);
        assertTrue(new HostView(node2).hasAddress(VIP), "n2 holds the VIP " + VIP);
        awaitServedBy(node1, node2);

        // apache dies behind the cluster's back on n2: the monitor (through the status URL) records a failure
        List<String> killed = killApache(node2);
        assertFalse(killed.isEmpty(), "an apache2 process ran in n2's namespace");
        Deadline.await(() -> "the httpd failure on n2 to show in crm_mon -1:\n" + SeedStatus.quietCrmMon(node2),
                SETTLE, 200, () -> failureShown(SeedStatus.quietCrmMon(node2)));
        SeedStatus.awaitStarted(cluster, node2, "httpd", List.of("n2"), SETTLE);
        String failed = SeedStatus.crmMon(node2);
        System.out.println("seed 001, crm_mon -1 after apache was killed on n2:\n" + failed);
        String count = node2.ok("crm resource failcount httpd show n2");
        assertFalse(count.contains("value=0"), "a fail count for httpd on n2: " + count);

        node2.ok("crm resource cleanup httpd");
        Deadline.await(() -> "crm resource cleanup httpd to clear the failure; crm_mon -1:\n"
                + SeedStatus.quietCrmMon(node2), SETTLE, 200, () -> !failureShown(SeedStatus.quietCrmMon(node2)));
        count = node2.ok("crm resource failcount httpd show n2");
        assertTrue(count.contains("value=0"), "the fail count of httpd on n2 is cleared: " + count);
        SeedStatus.awaitStarted(cluster, node2, "httpd", List.of("n2"), SETTLE);
        awaitServedBy(node1, node2);
    }

    private static boolean failureShown(String mon) {
        return mon.lines().anyMatch(l -> l.startsWith("* httpd_"));
    }

    /** Waits until a client in {@code from}'s namespace gets {@code server}'s page through the VIP. */
    private void awaitServedBy(TestHost from, TestHost server) {
        String url = "http://" + VIP + "/index.html";
        Deadline.await(() -> url + " to be served by " + server.name() + " (asked from " + from.name() + "): "
                + get(from, url), SETTLE, 200, () -> get(from, url).contains("served by " + server.name()));
    }

    private static String get(TestHost from, String url) {
        // the client runs inside a test namespace (TESTBED hazard 1: never from the root namespace)
        return Sh.attempt("ip", "netns", "exec", from.namespace(), "curl", "-s", "-m", "3", url).out();
    }

    /** Kills every apache2 process in the host's network namespace (SIGKILL, as a crash). */
    private static List<String> killApache(TestHost h) {
        List<String> killed = new ArrayList<>();
        for (String pid : Sh.run("ip", "netns", "pids", h.namespace()).split("\\s+")) {
            if (pid.isBlank()) {
                continue;
            }
            try {
                if (Files.readString(Path.of("/proc/" + pid.strip() + "/comm")).strip().equals("apache2")) {
                    killed.add(pid.strip());
                }
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        if (!killed.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("kill", "-9"));
            cmd.addAll(killed);
            Sh.attempt(cmd.toArray(String[]::new));
        }
        return killed;
    }

    private String accessLog(TestHost h) {
        return textOf(dir.resolve("apache-" + h.name() + "/logs/access.log"), "(none yet)");
    }

    /**
     * A private apache instance of one host: ServerRoot {@code DIR/apache-NAME}, its own logs and page, listening on
     * port 80 of the host's own network namespace, with the seed's server-status block. Returns the directory that
     * becomes the host's /etc/apache2.
     */
    private Path apacheConfig(TestHost h) throws IOException {
        Path root = Files.createDirectories(dir.resolve("apache-" + h.name()));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("htdocs"));
        Files.writeString(root.resolve("htdocs/index.html"), "served by " + h.name() + "\n");
        // apache's workers run as www-data: they must reach the page through the test's (private) directory
        for (Path p : List.of(dir, root, root.resolve("htdocs"), root.resolve("htdocs/index.html"))) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        String m = "/usr/lib/apache2/modules/";
        Files.writeString(etc.resolve("apache2.conf"), "# seed 001 test: private apache of host " + h.name() + "\n"
                + "ServerRoot \"" + root + "\"\n"
                + "ServerName " + h.name() + "\n"
                + "LoadModule mpm_event_module " + m + "mod_mpm_event.so\n"
                + "LoadModule authz_core_module " + m + "mod_authz_core.so\n"
                + "LoadModule authz_host_module " + m + "mod_authz_host.so\n"
                + "LoadModule access_compat_module " + m + "mod_access_compat.so\n"
                + "LoadModule status_module " + m + "mod_status.so\n"
                + "User www-data\nGroup www-data\n"
                + "Listen 80\n"
                + "ErrorLog \"" + root + "/logs/error.log\"\n"
                + "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b\" common\n"
                + "CustomLog \"" + root + "/logs/access.log\" common\n"
                + "Mutex file:" + root + "\n"
                + "DocumentRoot \"" + root + "/htdocs\"\n"
                + "StartServers 1\nServerLimit 2\nThreadsPerChild 4\nMaxRequestWorkers 8\n"
                + "<Directory \"" + root + "/htdocs\">\n    Require all granted\n</Directory>\n"
                // the seed's block, as written there (Apache 2.2 access control through mod_access_compat)
                + "<Location /server-status>\n"
                + "    SetHandler server-status\n"
                + "    Order deny,allow\n"
                + "    Deny from all\n"
                + "    Allow from 127.0.0.1\n"
                + "</Location>\n");
        // the agent reads /etc/apache2/envvars by default: this instance needs none of Debian's
        Files.writeString(etc.resolve("envvars"), "# no variables for the seed 001 test instance\n");
        return etc;
    }
}
