package io.vigil.api.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SpiTypesTest {

    @Test
    void exitCodesCoverOcf11() {
        int[] codes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 190, 191};
        assertEquals(codes.length, OcfExitCode.values().length);
        for (int c : codes) {
            assertEquals(c, OcfExitCode.of(c).code());
        }
        assertEquals(OcfExitCode.ERR_GENERIC, OcfExitCode.of(42), "unknown codes are generic errors");
        assertTrue(OcfExitCode.ERR_INSTALLED.isHardError());
        assertTrue(OcfExitCode.ERR_CONFIGURED.isFatalError());
        assertFalse(OcfExitCode.NOT_RUNNING.isHardError());
    }

    @Test
    void actionNamesFollowOcf() {
        assertEquals("meta-data", AgentAction.META_DATA.ocfName());
        assertEquals("validate-all", AgentAction.VALIDATE_ALL.ocfName());
        assertEquals("migrate_to", AgentAction.MIGRATE_TO.ocfName());
        assertEquals("reload-agent", AgentAction.RELOAD_AGENT.ocfName());
        for (AgentAction a : AgentAction.values()) {
            assertEquals(Optional.of(a), AgentAction.fromOcfName(a.ocfName()));
        }
        assertEquals(Optional.of(AgentAction.MONITOR), AgentAction.fromOcfName("status"));
        assertEquals(Optional.empty(), AgentAction.fromOcfName("explode"));
    }

    @Test
    void agentIdsParseAndPrint() {
        AgentId ocf = AgentId.parse("ocf:heartbeat:IPaddr2");
        assertEquals(new AgentId("ocf", "heartbeat", "IPaddr2"), ocf);
        assertEquals("ocf:heartbeat:IPaddr2", ocf.toString());
        assertEquals("lsb:apache2", AgentId.parse("lsb:apache2").toString());
        assertEquals("stonith:fence_vigil_process", AgentId.parse("stonith:fence_vigil_process").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentId.parse("ocf:Dummy"));
        assertTrue(e.getMessage().contains("ocf:Dummy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AgentId.parse("ocf::Dummy"));
        assertThrows(IllegalArgumentException.class, () -> AgentId.parse("a:b:c:d"));
        assertTrue(AgentId.parse("lsb:a").compareTo(AgentId.parse("ocf:a:b")) < 0);
    }

    @Test
    void resultsSeparateExecStatusFromExitCode() {
        assertTrue(AgentResult.success().isSuccess());
        AgentResult timedOut = AgentResult.failed(ExecStatus.TIMED_OUT, "monitor timed out after 20s");
        assertFalse(timedOut.isSuccess());
        assertEquals(ExecStatus.TIMED_OUT, timedOut.status());
        assertEquals("", AgentResult.of(OcfExitCode.NOT_RUNNING, null).output());
    }

    @Test
    void requestsAreImmutableAndReadCheckLevel() {
        AgentEnvironment env = new AgentEnvironment() {
            @Override
            public String nodeName() {
                return "n1";
            }

            @Override
            public java.nio.file.Path runDirectory() {
                return java.nio.file.Path.of("/tmp");
            }
        };
        var params = new java.util.HashMap<String, String>(Map.of("OCF_CHECK_LEVEL", "20", "fake", ""));
        ActionRequest r = new ActionRequest("r1", AgentAction.MONITOR, params, Map.of(), Duration.ofSeconds(20),
                Duration.ofSeconds(10), env);
        params.put("later", "x");
        assertFalse(r.parameters().containsKey("later"));
        assertEquals(20, r.checkLevel());
        assertFalse(r.isProbe());
        assertEquals("dflt", r.parameter("fake", "dflt"), "an empty value means unset");
        assertThrows(UnsupportedOperationException.class, () -> r.parameters().put("a", "b"));
    }

    @Test
    void metadataRendersWellFormedOcfXml() throws Exception {
        AgentMetadata md = new AgentMetadata("Dummy", "1.0", "Example <stateless> agent", "long & short",
                List.of(ParameterSpec.optional("state", "/run/x.state", "State file"),
                        ParameterSpec.required("ip", "Address")),
                List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)),
                        ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(10))));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertTrue(md.toXml().contains("<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">"));
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(md.toXml().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("resource-agent", root.getTagName());
        assertEquals("Dummy", root.getAttribute("name"));
        assertEquals(2, doc.getElementsByTagName("parameter").getLength());
        Element ip = (Element) doc.getElementsByTagName("parameter").item(1);
        assertEquals("1", ip.getAttribute("required"));
        Element monitor = (Element) doc.getElementsByTagName("action").item(1);
        assertEquals("10s", monitor.getAttribute("interval"));
        assertEquals("Example <stateless> agent",
                doc.getElementsByTagName("shortdesc").item(0).getTextContent());
        assertTrue(md.supports(AgentAction.MONITOR));
        assertFalse(md.supports(AgentAction.PROMOTE));
        assertTrue(md.parameter("ip").orElseThrow().required());
    }
}
