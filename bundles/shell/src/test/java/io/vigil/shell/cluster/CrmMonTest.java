package io.vigil.shell.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Tokenizer;
import io.vigil.shell.testing.CibFixture;

/** crm_mon's options and its three outputs made from the same status. */
class CrmMonTest {

    @Test
    void options() {
        assertEquals(new CrmMonOptions(OutputFormat.TEXT, 1, 5, false, false, false, false, false),
                CrmMonOptions.parse(Tokenizer.split("crm_mon -1")));
        assertEquals(new CrmMonOptions(OutputFormat.XML, 3, 2, false, true, true, true, false),
                CrmMonOptions.parse(Tokenizer.split("crm_mon --iterations 3 -i 2s --output-as=xml -rAf")));
        assertEquals(new CrmMonOptions(OutputFormat.JSON, 1, 5, false, false, true, true, false),
                CrmMonOptions.parse(Tokenizer.split("status --output-as json --full")));
        assertEquals(String.join("\n",
                "--iterations takes a number from 1 to 120, not '0'",
                "  crm_mon --iterations 0",
                "                       ^"), assertThrows(CommandSyntaxException.class,
                        () -> CrmMonOptions.parse(Tokenizer.split("crm_mon --iterations 0"))).getMessage());
        assertEquals(String.join("\n",
                "unknown option '--one-shoot' — did you mean '--one-shot'?",
                "  crm_mon --one-shoot",
                "          ^^^^^^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> CrmMonOptions.parse(Tokenizer.split("crm_mon --one-shoot"))).getMessage());
        assertEquals(String.join("\n",
                "unsupported output format 'html' — did you mean 'xml'?",
                "  crm_mon --output-as html",
                "                      ^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> CrmMonOptions.parse(Tokenizer.split("crm_mon --output-as html"))).getMessage());
    }

    @Test
    void textJsonXmlAndSimpleAgree() {
        CibFixture f = new CibFixture("rsha1", "rsha2");
        CrmMonSeed002Test.SEED_002.forEach(f::run);
        f.online("rsha1");
        f.ran("rsha1", "ClusterIP", "ocf:heartbeat:IPaddr2", "start", 0);
        ClusterStatus s = ClusterStatus.of(f.cib(), "rsha1", List.of("rsha1"), true, List.of());

        assertTrue(StatusFormat.text(s).contains("Online: [ rsha1 ]\nOFFLINE: [ rsha2 ]\n"), StatusFormat.text(s));
        var json = JsonParser.parseString(StatusFormat.json(s)).getAsJsonObject();
        assertEquals("online", json.getAsJsonObject("nodes").get("rsha1").getAsString());
        assertEquals("rsha1", json.getAsJsonObject("resources").getAsJsonArray("ClusterIP").get(0).getAsJsonObject()
                .get("node").getAsString());
        String xml = StatusXml.xml(s);
        assertTrue(xml.contains("<node name=\"rsha2\" online=\"false\""), xml);
        assertTrue(xml.contains("<group id=\"abiquo_rs\" number_resources=\"3\">"), xml);
        assertTrue(xml.contains("<resource id=\"ClusterIP\" resource_agent=\"ocf::heartbeat:IPaddr2\" "
                + "role=\"Started\""), xml);
        assertEquals("CLUSTER WARN: offline node: rsha2", StatusCommand.simple(s));
        assertEquals(" Resource Group: abiquo_rs\n"
                + "     vm_repository\t(ocf::heartbeat:Filesystem):\tStopped\n"
                + "     ClusterIP\t(ocf::heartbeat:IPaddr2):\tStarted rsha1\n"
                + "     tomcat-service\t(lsb:abiquo-tomcat):\tStopped", StatusFormat.resourcesText(s, "ClusterIP",
                        false));
    }
}
