package io.vigil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil verify} adds what scheduling the CIB shows, as crm_verify does: a node that left the cluster
 * uncleanly must be fenced, or cannot be (no quorum) — both are warnings naming the node; a healthy cluster is ok.
 */
class VerifyCommandTest {

    private static final String CIB = """
            <cib admin_epoch="0" epoch="3" num_updates="1" validate-with="pacemaker-3.7" have-quorum="1" dc-uuid="1">
              <configuration>
                <crm_config><cluster_property_set id="opts">
                  <nvpair id="opts-stonith" name="stonith-enabled" value="true"/>
                </cluster_property_set></crm_config>
                <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/><node id="3" uname="node3"/></nodes>
                <resources>
                  <primitive id="fence" class="stonith" type="fence_xvm"/>
                  <primitive id="db" class="ocf" provider="pacemaker" type="Dummy"/>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member"/>
                <node_state id="2" uname="node2" in_ccm="false" crmd="offline" join="down" expected="member"/>
                <node_state id="3" uname="node3" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int verify(Path... files) {
        String[] args = new String[files.length + 1];
        args[0] = "verify";
        for (int i = 0; i < files.length; i++) {
            args[i + 1] = files[i].toString();
        }
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void lostNodeIsFencedOrCannotBeAndTheFileIsNotOk() throws Exception {
        Path lost = Files.writeString(dir.resolve("lost.xml"), CIB);
        Path inquorate = Files.writeString(dir.resolve("inquorate.xml"), CIB.replace("have-quorum=\"1\"", "have-quorum=\"0\""));
        Path healthy = Files.writeString(dir.resolve("healthy.xml"), CIB.replace(
                "in_ccm=\"false\" crmd=\"offline\" join=\"down\"", "in_ccm=\"true\" crmd=\"online\" join=\"member\""));
        Path noFencing = Files.writeString(dir.resolve("nofencing.xml"), CIB.replace(
                "name=\"stonith-enabled\" value=\"true\"", "name=\"stonith-enabled\" value=\"false\""));
        assertEquals(0, verify(lost, inquorate, healthy, noFencing), "warnings do not fail verify");
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains(lost + ": warning: node 'node2' field 'state': the node is unclean and will be fenced (reboot)"), o);
        assertTrue(o.contains(inquorate + ": warning: node 'node2' field 'state': the node is unclean but cannot be fenced"), o);
        assertTrue(o.contains(lost + ": warnings") && o.contains(inquorate + ": warnings"), o);
        // with fencing disabled a node that is down is simply offline (Pacemaker: clean)
        assertTrue(o.contains(healthy + ": ok") && o.contains(noFencing + ": ok"), o);
        assertFalse(o.contains("node1' field") || o.contains("node3' field"), o);
    }
}
