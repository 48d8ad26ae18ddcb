package io.vigil.shell.crm.gogo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Rule;

/**
 * crm as typed into Vigil's Gogo shell: Gogo's real parser and command processor (outside OSGi), the crm command
 * and the configure keywords, and an in-memory stand-in for the replicated CIB.
 */
class CrmThroughGogoTest {

    private static final AgentId IPADDR2 = new AgentId("ocf", "heartbeat", "IPaddr2");

    private InMemoryCib cib;
    private CommandProcessorImpl processor;
    private CommandSession session;

    @BeforeEach
    void start() {
        Configuration c = Configuration.EMPTY.withNodes(List.of(
                new Node("1", "vm-node1", "member", null, null, Map.of(), null, null),
                new Node("2", "vm-node2", "member", null, null, Map.of(), null, null)));
        cib = new InMemoryCib(new CibSnapshot(null, Map.of(), c, null));
        AgentRegistry agents = new AgentRegistry() {
            @Override
            public SortedSet<AgentId> agentIds() {
                return new TreeSet<>(List.of(IPADDR2, new AgentId("ocf", "pacemaker", "ping"),
                        new AgentId("lsb", null, "apache2")));
            }

            @Override
            public Optional<ResourceAgent> agent(AgentId id) {
                return Optional.empty();
            }

            @Override
            public Optional<AgentMetadata> metadata(AgentId id) {
                return id.equals(IPADDR2) ? Optional.of(new AgentMetadata("IPaddr2", "1.0", "Manages virtual IPv4"
                        + " and IPv6 addresses", "", List.of(ParameterSpec.required("ip", "The IP address"),
                        ParameterSpec.optional("cidr_netmask", null, "The netmask"),
                        ParameterSpec.optional("nic", null, "The interface")),
                        List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)), ActionSpec.recurring(
                                AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(10)))))
                        : Optional.empty();
            }
        };
        processor = new CommandProcessorImpl(null);
        processor.addCommand("vigil", new CrmShellCommand(cib, agents), "crm");
        ConfigureKeywords keywords = new ConfigureKeywords(cib, agents);
        for (String w : ConfigureKeywords.WORDS) {
            processor.addCommand("vigil", keywords.keyword(w), w);
        }
        session = processor.createSession(InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        session.close();
    }

    private String run(String line) throws Exception {
        Object r = session.execute(line);
        return r == null ? null : String.valueOf(r);
    }

    private Configuration config() {
        return cib.current().configuration();
    }

    @Test
    void seedSessionTypedLineByLineAfterCrmConfigure() throws Exception {
        run("crm configure");
        for (String line : seedLines()) {
            assertEquals(null, run(line), line);
        }
        assertEquals(0, cib.commits, "nothing is applied before commit");
        assertTrue(run("show vip").startsWith("primitive vip ocf:heartbeat:IPaddr2"), "show sees the session");
        assertTrue(run("commit").startsWith("committed "));
        assertEquals(1, cib.commits, "the whole session is one atomic change");
        assertEquals(List.of("vip", "httpd", "cloned-ping-gateway"), config().resources().stream().map(r -> r.id())
                .toList());
        assertEquals("10s", ((Primitive) config().resource("vip").orElseThrow()).operations().get(0).interval());
        assertEquals(io.vigil.shell.crm.translate.AgentDefaults.FALLBACK_MONITOR_INTERVAL,
                ((Primitive) config().resource("httpd").orElseThrow()).operations().get(2).interval(),
                "apache's metadata is not installed here: the fallback interval");
    }

    @Test
    void oneShotCommandsCommitAtOnceAndGogoSpecialWordsSurvive() throws Exception {
        run("crm configure primitive vip ocf:heartbeat:IPaddr2 params ip=192.168.1.60 nic=\"bond1\" op monitor");
        Primitive vip = (Primitive) config().resource("vip").orElseThrow();
        assertEquals("bond1", vip.instanceAttributes().unconditional().get("nic"));
        assertEquals("10s", vip.operations().get(0).interval(), "monitor interval from the agent's metadata");

        run("crm configure property $id=cib-bootstrap-options stonith-enabled=false");
        assertEquals("false", config().properties().get("stonith-enabled").orElseThrow());

        run("crm configure location on-node1 vip rule \\$id=r-uname 100: '#uname' eq vm-node1");
        Rule r = ((LocationConstraint) config().constraints().get(0)).rules().get(0);
        assertEquals("r-uname", r.id());
        assertEquals("#uname", ((io.vigil.cib.model.Expression) r.conditions().get(0)).attribute());
    }

    @Test
    void aRejectedCommandChangesNothing() throws Exception {
        run("crm configure primitive vip ocf:heartbeat:IPaddr2 params ip=192.168.1.60");
        CibSnapshot before = cib.current();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("crm configure rsc_defaults stickyness=100"));
        assertEquals("unknown resource default 'stickyness' — did you mean 'resource-stickiness'?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("crm configure colocation c inf: vip httdp"));
        assertEquals("colocation c: resource 'httdp' does not exist", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("crm configure primitive vip Dummy"));
        assertEquals("id 'vip' is already used by a resource; choose another id or 'crm configure delete vip' first",
                e.getMessage());
        assertEquals(before, cib.current());
    }

    @Test
    void aScriptIsOneChangeOrNone(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.crm");
        Files.writeString(bad, "configure\nprimitive a Dummy\nprimitive b Dummy \\\n  op monitor interval=10s\n"
                + "group g a b\norder o inf: g missing\ncommit\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("crm -f " + bad));
        assertEquals(bad + ": command 4 (order): order o: resource 'missing' does not exist\nnothing changed",
                e.getMessage());
        assertEquals(0, cib.commits);

        Path good = dir.resolve("good.crm");
        Files.writeString(good, "primitive a Dummy\nprimitive b Dummy \\\n  op monitor interval=10s\ngroup g a b\n");
        assertTrue(run("crm -f " + good).startsWith("committed 5 change(s)"));
        assertEquals(1, cib.commits);

        // load update replaces what exists: the monitor interval changes, nothing else
        Path update = dir.resolve("update.crm");
        Files.writeString(update, "crm configure primitive c Dummy op monitor interval=20s\n");
        run("crm configure load update " + update);
        Files.writeString(update, "crm configure primitive c Dummy op monitor interval=30s\n");
        run("crm configure load update " + update); // the same id again: replaced, not refused
        assertEquals("30s", ((Primitive) config().resource("c").orElseThrow()).operations().get(0).interval());
    }

    @Test
    void resourceNodeAndRaCommands() throws Exception {
        run("crm configure primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.1");
        run("crm resource move vip vm-node2");
        assertEquals("location cli-prefer-vip vip inf: vm-node2", run("crm configure show cli-prefer-vip"));
        run("crm resource ban vip vm-node1");
        assertEquals("location cli-ban-vip-on-vm-node1 vip -inf: vm-node1",
                run("crm configure show cli-ban-vip-on-vm-node1"));
        run("crm resource clear vip");
        assertEquals(List.of(), config().constraints());
        run("crm resource stop vip");
        assertEquals("Stopped", config().resource("vip").orElseThrow().meta().get("target-role"));
        run("crm resource start vip");
        assertEquals("Started", config().resource("vip").orElseThrow().meta().get("target-role"));
        assertEquals("resource vip is NOT running", run("crm resource status vip"));
        assertEquals("[\n  {\n    \"resource\": \"vip\",\n    \"runningOn\": [],\n    \"promotedOn\": []\n  }\n]",
                run("crm resource status vip --output-as json"));
        assertEquals("scope=status  name=fail-count-vip value=0", run("crm resource failcount vip show vm-node1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("crm resource move vip vm-nod2"));
        assertEquals("node 'vm-nod2' is not in the cluster — did you mean 'vm-node2'?", e.getMessage());

        run("crm node standby vm-node1");
        assertEquals("on", config().nodeByName("vm-node1").orElseThrow().instanceAttributes().unconditional()
                .get("standby"));
        run("crm node online vm-node1");
        assertEquals("off", config().nodeByName("vm-node1").orElseThrow().instanceAttributes().unconditional()
                .get("standby"));
        run("crm node attribute vm-node2 set rack r2");
        assertEquals("scope=nodes  name=rack value=r2", run("crm node attribute vm-node2 show rack"));
        run("crm node attribute vm-node2 delete rack");

        assertEquals("IPaddr2\nping", run("crm ra list ocf"));
        assertEquals("[\n  \"IPaddr2\",\n  \"ping\"\n]", run("crm ra list ocf --output-as=json"));
        assertTrue(run("crm configure show xml vip").contains(
                "<primitive class=\"ocf\" id=\"vip\" provider=\"heartbeat\" type=\"IPaddr2\">"));
        assertTrue(run("crm configure show vip --output-as json").contains("\"id\": \"vip\""));
        assertEquals("--output-as applies to commands that show something (configure show, resource"
                + " status/failcount show, node attribute show, ra list/info)", assertThrows(
                        IllegalArgumentException.class, () -> run("crm resource stop vip --output-as json"))
                        .getMessage());
        assertEquals("ping", run("crm ra list ocf:pacemaker"));
        assertTrue(run("crm ra info ocf:heartbeat:IPaddr2").contains("ip*: The IP address"));
    }

    @Test
    void keywordsOutsideASessionSayHowToUseThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("property stonith-enabled=false"));
        assertEquals("'property' is a crm configure command: type 'crm configure property …' to run it at once, or"
                + " 'crm configure' first to start a session", e.getMessage());
    }

    private static List<String> seedLines() throws IOException {
        try (InputStream in = CrmThroughGogoTest.class.getResourceAsStream("/seed001-crm.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void sessionLinesAreCheckedAgainstTheInstalledAgentAsTyped() throws Exception {
        run("crm configure");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("primitive vip ocf:heartbeat:IPaddr2 params ipp=10.0.0.1"));
        assertEquals("primitive vip (ipp): agent ocf:heartbeat:IPaddr2 has no parameter 'ipp'; did you mean 'ip'?\n"
                + "primitive vip (ip): agent ocf:heartbeat:IPaddr2 requires parameter 'ip'; add it to the instance"
                + " attributes", e.getMessage());
        run("primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.1");
        e = assertThrows(IllegalArgumentException.class, () -> run("crm configure"));
        assertEquals("a crm configure session with 1 uncommitted change(s) is open: type 'commit' (or 'end') first",
                e.getMessage());
        assertTrue(run("end").startsWith("committed 1 change(s)"));
        assertEquals(1, cib.commits);
        e = assertThrows(IllegalArgumentException.class, () -> run("commit"));
        assertTrue(e.getMessage().startsWith("'commit' is a crm configure command"), e.getMessage());
    }
}
