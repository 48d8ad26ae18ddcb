package io.vigil.itest.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;

import org.junit.jupiter.api.Test;

/**
 * Seed 002 ({@code shared/seeds/002_adf7c0122b7efbc4.txt}): the pcs session of the Abiquo remote-services cluster,
 * typed line by line on the first of two real nodes (namespaced test hosts), then {@code crm_mon -1} in the seed's
 * shape, then the group moved to the other node while a probe watches both hosts' own state: the group stops in
 * reverse order and starts in order.
 *
 * <p>Deviations from the seed's lines, each forced by the test bed:
 * <ul>
 * <li>node names rsha1/rsha2 are the test hosts n1/n2;</li>
 * <li>vm_repository: NFS cannot exist here (no NFS client in the kernel, TESTBED.md), so
 * {@code device=10.60.1.72:/opt/vm_repository fstype=nfs options=defaults} is a bind mount of a per-test "export"
 * directory ({@code device=DIR/export fstype=none options=bind}) on {@code directory=DIR/opt/vm_repository} — both
 * nodes see the same export, as with NFS, and each mounts it in its own mount namespace;</li>
 * <li>ClusterIP {@code ip=10.60.13.58} is 10.240.0.58 (the test network) and the ping {@code host_list=10.60.13.1}
 * is 10.240.0.1, an address the test puts on the bridge of the switch namespace (the "gateway");</li>
 * <li>lsb:abiquo-tomcat is a test init script (no Tomcat here) that records each start and stop with what it sees
 * of the mount and the address; it is put on each host's /etc/init.d by a bind mount in that host's own mount
 * namespace (nothing changes on the machine's /etc/init.d). "service abiquo-tomcat stop / chkconfig off" and the
 * cman/ccs steps have no Vigil counterpart (the test hosts' cluster is already formed);</li>
 * <li>the seed does not move the group; the test does ({@code pcs resource move abiquo_rs n2}) to watch the reverse
 * stop order and the start order the seed describes.</li>
 * </ul>
 * Needs root (network and mount namespaces).
 */
class Seed002Test extends TwoNodeSeed {

    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final String VIP = "10.240.0.58";

    @Test
    void thePcsSessionRunsTheGroupInOrderWithThePingClone() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("template.ovf"), "an Abiquo template\n");
        Path repository = dir.resolve("opt/vm_repository");
        Path initd = initScripts(repository);

        startCluster();
        // the "gateway": an address of the switch namespace's bridge, reachable from every host
        addGateway();
        List<HostView> views = cluster.hosts().stream().map(HostView::new).toList();
        for (HostView v : views) {
            v.inMountNamespace("mount", "--bind", initd.toString(), "/etc/init.d");
        }
        for (TestHost h : cluster.hosts()) {
            Deadline.await(() -> "lsb:abiquo-tomcat to be listed on " + h.name() + ": "
                    + h.run("crm ra list lsb").out(), Duration.ofSeconds(60), 200,
                    () -> h.run("crm ra list lsb").out().contains("abiquo-tomcat"));
        }

        TestHost rsha1 = cluster.host("n1");
        rsha1.ok("pcs property set stonith-enabled=false");
        rsha1.ok("pcs property set no-quorum-policy=ignore");
        rsha1.ok("pcs resource defaults resource-stickiness=100");
        rsha1.ok("pcs resource create vm_repository ocf:heartbeat:Filesystem device=" + export + " directory="
                + repository + " fstype=none options=bind");
        rsha1.ok("pcs resource create ClusterIP ocf:heartbeat:IPaddr2 ip=" + VIP + " cidr_netmask=24");
        rsha1.ok("pcs resource create tomcat-service lsb:abiquo-tomcat");
        rsha1.ok("pcs resource group add abiquo_rs vm_repository ClusterIP tomcat-service");
        rsha1.ok("pcs resource create ping ocf:pacemaker:ping host_list=" + GATEWAY + " timeout=5 attempts=3");
        rsha1.ok("pcs resource clone ping connection");
        rsha1.ok("pcs constraint colocation add abiquo_rs with ping-clone score=INFINITY");

        // the status JSON names a clone's instances by the clone's id
        SeedStatus.awaitStarted(cluster, rsha1, "ping-clone", List.of("n1", "n2"), SETTLE);
        String[] where = new String[1];
        Deadline.await(() -> "the group abiquo_rs to run wholly on one node; crm_mon -1:\n"
                + SeedStatus.quietCrmMon(rsha1), SETTLE, 200, () -> {
                    List<String> fs = cluster.where(rsha1, "vm_repository");
                    where[0] = fs.size() == 1 ? fs.get(0) : null;
                    return where[0] != null && cluster.where(rsha1, "ClusterIP").equals(fs)
                            && cluster.where(rsha1, "tomcat-service").equals(fs);
                });
        TestHost active = cluster.host(where[0]);
        TestHost other = cluster.others(active).get(0);

        String mon = SeedStatus.crmMon(rsha1);
        System.out.println("seed 002, crm_mon -1 on n1:\n" + mon);
        assertSeedLayout(mon, active.name());

        HostView a = views.get(active.index() - 1);
        HostView b = views.get(other.index() - 1);
        assertTrue(a.mounted(repository) && Files.exists(a.file(repository.resolve("template.ovf").toString())),
                "vm_repository is mounted on " + active.name() + " and shows the export's file");
        assertFalse(b.mounted(repository), "vm_repository is not mounted on " + other.name());
        assertTrue(a.hasAddress(VIP) && !b.hasAddress(VIP), "ClusterIP " + VIP + " is on " + active.name() + " only");
        assertTrue(tomcatLog(active).contains("start mount=yes vip=yes"), "tomcat-service started after the mount "
                + "and the address on " + active.name() + "; its log: " + tomcatLog(active));

        // the group moves: reverse stop order on the old node, start order on the new one, watched from both hosts
        List<String> members = List.of("vm_repository", "ClusterIP", "tomcat-service");
        try (GroupOrderProbe stopping = probe(a, members, repository);
                GroupOrderProbe starting = probe(b, members, repository)) {
            rsha1.ok("pcs resource move abiquo_rs " + other.name());
            Deadline.await(() -> "abiquo_rs to move to " + other.name() + "; crm_mon -1:\n"
                    + SeedStatus.quietCrmMon(rsha1) + "\nstates on " + active.name() + ": " + stopping.describe()
                    + "; on " + other.name() + ": " + starting.describe(), SETTLE, 200,
                    () -> List.of(other.name()).equals(cluster.where(rsha1, "tomcat-service"))
                            && stopping.states().get(stopping.states().size() - 1) == 0
                            && starting.states().get(starting.states().size() - 1) == 3);
            System.out.println("seed 002, group states seen on " + active.name() + " (stopping): "
                    + stopping.describe() + "; on " + other.name() + " (starting): " + starting.describe());
            assertEquals(List.of(), stopping.broken(), "members up out of order on " + active.name());
            assertEquals(List.of(), starting.broken(), "members up out of order on " + other.name());
            assertTrue(descending(stopping.states()), "on " + active.name() + " the group stops in reverse order: "
                    + stopping.describe());
            assertTrue(ascending(starting.states()), "on " + other.name() + " the group starts in order: "
                    + starting.describe());
        }
        assertTrue(tomcatLog(active).contains("stop mount=yes vip=yes"), "tomcat-service stopped before the address "
                + "and the mount went on " + active.name() + "; its log: " + tomcatLog(active));
        assertTrue(tomcatLog(other).contains("start mount=yes vip=yes"), "tomcat-service started after the mount and "
                + "the address on " + other.name() + "; its log: " + tomcatLog(other));
        System.out.println("seed 002, crm_mon -1 after the move:\n" + SeedStatus.crmMon(rsha1));
    }

    /** The seed's crm_mon -1 layout: nodes, the group with its members in order, the clone set line. */
    private static void assertSeedLayout(String mon, String node) {
        String expected = "Online: [ n1 n2 ]\n"
                + " Resource Group: abiquo_rs\n"
                + "     vm_repository\t(ocf::heartbeat:Filesystem):\tStarted " + node + "\n"
                + "     ClusterIP\t(ocf::heartbeat:IPaddr2):\tStarted " + node + "\n"
                + "     tomcat-service\t(lsb:abiquo-tomcat):\tStarted " + node + "\n"
                + " Clone Set: ping-clone [ping]\n"
                + "     Started: [ n1 n2 ]";
        assertTrue(mon.contains(expected), "crm_mon -1 must show, as in the seed:\n" + expected + "\nbut shows:\n"
                + mon);
        assertTrue(mon.contains("2 Nodes configured\n5 Resources configured\n"), "crm_mon -1 counts as the seed "
                + "(2 nodes, 5 resources):\n" + mon);
    }

    private static GroupOrderProbe probe(HostView v, List<String> members, Path repository) {
        Path running = v.file("/run/abiquo-tomcat.running");
        return new GroupOrderProbe(v.host().name(), members, List.of(() -> v.mounted(repository),
                () -> v.hasAddress(VIP), () -> Files.exists(running)));
    }

    private static boolean ascending(List<Integer> states) {
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i) < states.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean descending(List<Integer> states) {
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i) > states.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private String tomcatLog(TestHost h) {
        return textOf(dir.resolve("abiquo-tomcat-" + h.name() + ".log"), "(none)");
    }

    /**
     * The stand-in for the seed's abiquo-tomcat init script: LSB start/stop/status with its state in the host's own
     * /run, logging each start and stop with whether the group's mount and address are there at that moment.
     */
    private Path initScripts(Path repository) throws IOException {
        Path initd = Files.createDirectories(dir.resolve("init.d"));
        Path script = initd.resolve("abiquo-tomcat");
        Files.writeString(script, "#!/bin/sh\n"
                + "# test stand-in for the Abiquo tomcat service of seed 002\n"
                + "STATE=/run/abiquo-tomcat.running\n"
                + "LOG=" + dir + "/abiquo-tomcat-$(hostname).log\n"
                + "seen() {\n"
                + "  m=no; mountpoint -q " + repository + " && m=yes\n"
                + "  v=no; ip -o -4 addr show | grep -q ' " + VIP + "/' && v=yes\n"
                + "  echo \"$1 mount=$m vip=$v\" >> \"$LOG\"\n"
                + "}\n"
                + "case \"$1\" in\n"
                + "  start) [ -f $STATE ] && exit 0; seen start; touch $STATE ;;\n"
                + "  stop) [ -f $STATE ] || exit 0; seen stop; rm -f $STATE ;;\n"
                + "  status) [ -f $STATE ] && { echo running; exit 0; }; echo stopped; exit 3 ;;\n"
                + "  restart) \"$0\" stop; \"$0\" start ;;\n"
                + "  *) echo \"Usage: $0 {start|stop|status|restart}\"; exit 2 ;;\n"
                + "esac\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return initd;
    }
}
