package io.vigil.shell.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.shell.testing.CibFixture;

/**
 * Must-show 3 of issue 8: seed 002's pcs session, typed verbatim, gives a configuration whose {@code crm_mon -1}
 * shows nodes, the group and the clone set in the seed's layout. The status (what the executor would have
 * recorded after starting everything on rsha1, the clone on both nodes) is written with the real change engine.
 */
class CrmMonSeed002Test {

    /** The seed's commands, as printed in 002_adf7c0122b7efbc4.txt. */
    static final List<String> SEED_002 = List.of(
            "pcs property set stonith-enabled=false",
            "pcs property set no-quorum-policy=ignore",
            "pcs resource defaults resource-stickiness=100",
            "pcs resource create vm_repository ocf:heartbeat:Filesystem device=10.60.1.72:/opt/vm_repository "
                    + "directory=/opt/vm_repository fstype=nfs options=defaults",
            "pcs resource create ClusterIP ocf:heartbeat:IPaddr2 ip=10.60.13.58 cidr_netmask=24",
            "pcs resource create tomcat-service lsb:abiquo-tomcat",
            "pcs resource group add abiquo_rs vm_repository ClusterIP tomcat-service",
            "pcs resource create ping ocf:pacemaker:ping host_list=10.60.13.1 timeout=5 attempts=3",
            "pcs resource clone ping connection",
            "pcs constraint colocation add abiquo_rs with ping-clone score=INFINITY");

    /** The seed's crm_mon -1 output from "2 Nodes configured" on (the header lines name the 2014 stack). */
    static final String SEED_LAYOUT = String.join("\n",
            "2 Nodes configured",
            "5 Resources configured",
            "",
            "Online: [ rsha1 rsha2 ]",
            " Resource Group: abiquo_rs",
            "     vm_repository\t(ocf::heartbeat:Filesystem):\tStarted rsha1",
            "     ClusterIP\t(ocf::heartbeat:IPaddr2):\tStarted rsha1",
            "     tomcat-service\t(lsb:abiquo-tomcat):\tStarted rsha1",
            " Clone Set: ping-clone [ping]",
            "     Started: [ rsha1 rsha2 ]");

    @Test
    void seed002ConfigurationShowsAsInTheSeed() {
        CibFixture f = new CibFixture("rsha1", "rsha2");
        List<String> warnings = new ArrayList<>();
        for (String line : SEED_002) {
            warnings.addAll(f.run(line).warnings());
        }
        assertEquals(List.of("Warning: ignoring 'connection': clone options are NAME=VALUE; the clone is "
                + "'ping-clone'"), warnings);
        f.online("rsha1");
        f.online("rsha2");
        f.ran("rsha1", "vm_repository", "ocf:heartbeat:Filesystem", "start", 0);
        f.ran("rsha1", "ClusterIP", "ocf:heartbeat:IPaddr2", "start", 0);
        f.ran("rsha1", "tomcat-service", "lsb:abiquo-tomcat", "start", 0);
        f.ran("rsha1", "ping", "ocf:pacemaker:ping", "start", 0);
        f.ran("rsha2", "ping", "ocf:pacemaker:ping", "start", 0);
        f.ran("rsha2", "vm_repository", "ocf:heartbeat:Filesystem", "monitor", 7); // probe: not running there

        String text = StatusFormat.text(ClusterStatus.of(f.cib(), "rsha2", List.of("rsha1", "rsha2"), true,
                List.of()));

        assertTrue(text.contains("Current DC: rsha2 - partition with quorum\n"), text);
        String fromCounts = text.substring(text.indexOf("2 Nodes configured"));
        assertEquals(SEED_LAYOUT, fromCounts);
    }

    @Test
    void aCloneInstanceThatIsNotRunningIsListedAsStopped() {
        CibFixture f = new CibFixture("rsha1", "rsha2");
        SEED_002.forEach(f::run);
        f.online("rsha1");
        f.online("rsha2");
        f.ran("rsha1", "ping", "ocf:pacemaker:ping", "start", 0);

        String text = StatusFormat.text(ClusterStatus.of(f.cib(), "rsha1", List.of("rsha1", "rsha2"), true,
                List.of()));

        assertTrue(text.contains(" Clone Set: ping-clone [ping]\n     Started: [ rsha1 ]\n     Stopped: [ rsha2 ]"),
                text);
        assertTrue(text.contains("5 Resources configured"), "a clone counts an instance per node: " + text);
        assertTrue(text.contains("     vm_repository\t(ocf::heartbeat:Filesystem):\tStopped\n"), text);
    }
}
