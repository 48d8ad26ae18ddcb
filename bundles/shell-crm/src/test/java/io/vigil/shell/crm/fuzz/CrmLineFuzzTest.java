package io.vigil.shell.crm.fuzz;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Node;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.syntax.CrmLexer;
import io.vigil.shell.crm.translate.AgentDefaults;
import io.vigil.shell.crm.translate.ConfigureSession;
import io.vigil.shell.crm.translate.ScriptReader;

/**
 * Fuzzing of crm configure lines (issue 9): thousands of mutants of seed 001's lines and other configure forms are
 * either translated into the session or rejected as bad input with a message; a rejected line leaves the session's
 * CIB as it was; nothing else escapes. The seed is printed, so a failure replays.
 */
class CrmLineFuzzTest {

    private static final List<String> LINES = List.of(
            "property stonith-enabled=false",
            "property $id=cib-bootstrap-options no-quorum-policy=ignore",
            "primitive vip ocf:heartbeat:IPaddr2 params ip=10.240.0.60 cidr_netmask=24 op monitor interval=10s",
            "primitive httpd ocf:heartbeat:apache params configfile=/etc/apache2/apache2.conf "
                    + "statusurl=http://localhost/server-status op start timeout=60s op monitor timeout=20s",
            "colocation httpd-with-vip inf: httpd vip",
            "location preferred-node vip 100: n1",
            "primitive ping-gateway ocf:pacemaker:ping params host_list=10.240.0.1 multiplier=1000 "
                    + "op monitor interval=10s",
            "clone cloned-ping-gateway ping-gateway",
            "location vip-needs-gateway vip rule -inf: not_defined pingd or pingd lte 0",
            "group g1 vip httpd meta target-role=Started",
            "ms ms-d d meta promoted-max=1 notify=true",
            "order o1 Mandatory: vip:start httpd:start symmetrical=true",
            "rsc_defaults resource-stickiness=100",
            "op_defaults timeout=30s",
            "delete preferred-node");

    private static final List<String> JUNK = List.of("", ":", "inf:", "-inf:", "+inf:", "INFINITY", "params", "meta",
            "op", "monitor", "interval=", "rule", "or", "and", "not_defined", "defined", "lte", "gt", "#uname", "$id=",
            "$id=x", "=", "a=b=c", "vip:", ":start", "Promoted", "Master", "x".repeat(300), "\u0000", "'", "\"",
            "n9", "ocf::", "stonith:", "symmetrical=maybe", "Bogus:", "date", "in_range", "-1", "99999999999999999");

    @Test
    void everyMutantIsTranslatedOrRejectedCleanly() {
        long seed = Long.getLong("fuzz.seed", 20261122L);
        Random rnd = new Random(seed);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 6000; i++) {
            ConfigureSession s = session();
            String line = String.join(" ", mutate(CrmLexer.split(LINES.get(rnd.nextInt(LINES.size()))), rnd));
            CibSnapshot before = s.working();
            try {
                for (ConfigureCommand c : ScriptReader.read(line)) {
                    s.add(c);
                }
                accepted++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("rejection without a message for '" + line + "' (seed " + seed + ")", e);
                }
                assertSame(before, s.working(), () -> "a rejected line changed the session: '" + line + "'");
                rejected++;
            } catch (RuntimeException e) {
                fail("unhandled " + e + " for '" + line + "' (seed " + seed + ", replay with -Dfuzz.seed=" + seed
                        + ")", e);
            }
        }
        System.out.println("crm line fuzz (seed " + seed + "): " + accepted + " accepted, " + rejected
                + " rejected with a message, 0 unhandled");
    }

    /** A session on two nodes that already holds the resources the lines name. */
    private static ConfigureSession session() {
        Configuration c = Configuration.EMPTY.withNodes(List.of(
                new Node("1", "n1", "member", null, null, Map.of(), null, null),
                new Node("2", "n2", "member", null, null, Map.of(), null, null)));
        ConfigureSession s = new ConfigureSession(new CibSnapshot(null, Map.of(), c, null), AgentDefaults.NONE,
                AgentCatalog.NONE, false);
        for (String l : List.of(LINES.get(2), LINES.get(3), "primitive d ocf:linbit:drbd params drbd_resource=r0",
                LINES.get(5))) {
            ScriptReader.read(l).forEach(s::add);
        }
        return s;
    }

    private static List<String> mutate(List<String> words, Random rnd) {
        List<String> w = new ArrayList<>(words);
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && w.size() > 1; e++) {
            int at = 1 + rnd.nextInt(w.size() - 1);
            switch (rnd.nextInt(6)) {
                case 0 -> w.remove(at);
                case 1 -> w.add(at, w.get(at));
                case 2 -> {
                    int other = Math.min(w.size() - 1, at + 1);
                    String t = w.get(at);
                    w.set(at, w.get(other));
                    w.set(other, t);
                }
                case 3 -> w.set(at, JUNK.get(rnd.nextInt(JUNK.size())));
                case 4 -> w.add(at, JUNK.get(rnd.nextInt(JUNK.size())));
                default -> w.subList(at, w.size()).clear();
            }
        }
        return w;
    }
}
