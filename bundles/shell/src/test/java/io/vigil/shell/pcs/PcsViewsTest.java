package io.vigil.shell.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.testing.CibFixture;

/** What pcs shows of a configuration typed with pcs: seed 001's constraints, seed 002's resources. */
class PcsViewsTest {

    private static CibFixture seed001InPcs() {
        CibFixture f = new CibFixture("vm-node1", "vm-node2");
        f.run("pcs property set stonith-enabled=false no-quorum-policy=ignore");
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=192.168.1.60 cidr_netmask=24 op monitor "
                + "interval=10s");
        f.run("pcs resource create httpd ocf:heartbeat:apache configfile=/etc/apache2/apache2.conf "
                + "statusurl=http://127.0.0.1/server-status op monitor interval=10s");
        f.run("pcs constraint colocation add httpd with vip");
        f.run("pcs constraint order vip then httpd");
        f.run("pcs constraint location vip prefers vm-node1=100");
        f.run("pcs resource create ping-gateway ocf:pacemaker:ping host_list=192.168.1.1 multiplier=1000 clone");
        f.run("pcs constraint location vip rule score=-INFINITY not_defined pingd or pingd lte 0");
        return f;
    }

    @Test
    void constraintsAsPcsListsThem() {
        CibFixture f = seed001InPcs();
        assertEquals(String.join("\n",
                "Location Constraints:",
                "  Resource: vip",
                "    Enabled on:",
                "      Node: vm-node1 (score:100) (id:location-vip-vm-node1-100)",
                "    Constraint (id:location-vip):",
                "      Rule: boolean-op=or score=-INFINITY (id:location-vip-rule)",
                "        Expression: not_defined pingd (id:location-vip-rule-expr)",
                "        Expression: pingd lte 0 (id:location-vip-rule-expr-1)",
                "Ordering Constraints:",
                "  start vip then start httpd (kind:Mandatory) (id:order-vip-httpd-mandatory)",
                "Colocation Constraints:",
                "  httpd with vip (score:INFINITY) (id:colocation-httpd-vip-INFINITY)",
                "Ticket Constraints:"), PcsViews.constraints(f.cib().configuration(), true, null));
        String brief = PcsViews.constraints(f.cib().configuration(), false, null);
        assertTrue(brief.contains("      Node: vm-node1 (score:100)\n"), brief);
    }

    @Test
    void configShowsResourcesDefaultsAndProperties() {
        CibFixture f = new CibFixture("rsha1", "rsha2");
        io.vigil.shell.cluster.CrmMonSeed002TestAccess.seed().forEach(f::run);
        String config = PcsViews.config(f.cib());
        assertTrue(config.contains(String.join("\n",
                " Group: abiquo_rs",
                "  Resource: vm_repository (class=ocf provider=heartbeat type=Filesystem)",
                "   Attributes: device=10.60.1.72:/opt/vm_repository directory=/opt/vm_repository fstype=nfs "
                        + "options=defaults",
                "   Operations: monitor interval=20s (vm_repository-monitor-interval-20s)")), config);
        assertTrue(config.contains(" Clone: ping-clone\n  Resource: ping (class=ocf provider=pacemaker type=ping)"),
                config);
        assertTrue(config.contains("Resources Defaults:\n  Meta Attrs: rsc-options\n    resource-stickiness=100"),
                config);
        assertTrue(config.endsWith("Cluster Properties:\n no-quorum-policy: ignore\n stonith-enabled: false"), config);
        String json = OutputFormat.json(PcsViews.configJson(f.cib()));
        assertTrue(json.contains("\"abiquo_rs\""), json);
    }
}
