package io.vigil.shell.fuzz;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.shell.pcs.PcsParser;
import io.vigil.shell.pcs.PcsRequest;
import io.vigil.shell.syntax.Tokenizer;
import io.vigil.shell.testing.CibFixture;
import io.vigil.shell.tools.CrmAttributeParser;
import io.vigil.shell.tools.CrmResourceParser;

/**
 * Fuzzing of the administrator's command lines (issue 9): thousands of mutants of real pcs, crm_resource and
 * crm_attribute lines (words dropped, doubled, swapped, replaced by junk, lines cut short). Every mutant is either
 * understood or rejected as bad input (an {@link IllegalArgumentException} with a message, which the shell shows
 * as it is); a change it yields is applied with the real change engine, and a rejected change leaves the CIB as it
 * was. Any other exception is a bug. The seed is printed, so a failure replays.
 */
class CommandLineFuzzTest {

    private static final List<String> LINES = List.of(
            "pcs property set stonith-enabled=false",
            "pcs property set no-quorum-policy=ignore",
            "pcs resource defaults resource-stickiness=100",
            "pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.240.0.50 cidr_netmask=24 op monitor interval=30s",
            "pcs resource create fs ocf:heartbeat:Filesystem device=/srv/a directory=/mnt/a fstype=none "
                    + "options=bind --group g1",
            "pcs resource create ping ocf:pacemaker:ping host_list=10.240.0.1 multiplier=1000 dampen=5s clone",
            "pcs resource group add g1 vip",
            "pcs constraint colocation add g1 with ping-clone score=INFINITY",
            "pcs constraint location vip prefers n1=100",
            "pcs constraint location vip rule score=-INFINITY not_defined pingd or pingd lte 0",
            "pcs constraint order start fs then start vip kind=Mandatory",
            "pcs resource update vip cidr_netmask=25",
            "pcs resource meta vip migration-threshold=3",
            "pcs resource move vip n2 lifetime=PT10M",
            "pcs resource ban vip n1",
            "pcs resource clear vip",
            "pcs resource disable vip",
            "pcs resource cleanup vip",
            "pcs node standby n1",
            "pcs node attribute n2 rack=2",
            "pcs stonith create f1 fence_vigil_process pid_dir=/tmp/p pcmk_host_list=n1,n2",
            "pcs stonith level add 1 n1 f1",
            "pcs constraint list --output-as json",
            "pcs status --full",
            "crm_resource --locate -r vip",
            "crm_resource --move -r vip -N n2 --lifetime PT5M",
            "crm_resource --cleanup --resource vip --node n1",
            "crm_attribute -N n1 -n rack -v 3 -l forever",
            "crm_attribute -n no-quorum-policy -G",
            "crm_attribute -n stonith-enabled -D");

    private static final List<String> JUNK = List.of("", "=", "==", "--", "-", "op", "meta", "clone", "--group",
            "INFINITY", "-INFINITY", "+inf", "score=", "=x", "with", "then", "rule", "or", "and", "(", ")", "#uname",
            "'", "\"", "lte", "defined", "not_defined", "interval=", "interval=0", "timeout=-1s", "lifetime=PT",
            "n9", "vip:0", "ocf::", "ocf:heartbeat:", "stonith:", "-r", "-N", "--resource", "--node", "-v", "-l",
            "reboot", "x".repeat(300), "\u00e9t\u00e9", "\u0000", "a=b=c", "--output-as", "--output-as=yaml",
            "promotable", "Promoted", "start", "stop", "kind=Bogus", "score=abc", "1", "-1", "99999999999999999999");

    @Test
    void everyMutantIsUnderstoodOrRejectedCleanly() {
        long seed = Long.getLong("fuzz.seed", 20261122L);
        Random rnd = new Random(seed);
        int understood = 0;
        int rejected = 0;
        for (int i = 0; i < 6000; i++) {
            List<String> words = mutate(Tokenizer.split(LINES.get(rnd.nextInt(LINES.size()))), rnd);
            CibFixture f = fixture();
            CibSnapshot before = f.cib();
            try {
                apply(f, words);
                understood++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("rejection without a message for " + words + " (seed " + seed + ")", e);
                }
                assertSame(before, f.cib(), () -> "a rejected line changed the CIB: " + words + " (seed " + seed + ")");
                rejected++;
            } catch (RuntimeException e) {
                fail("unhandled " + e + " for " + words + " (seed " + seed + ", replay with -Dfuzz.seed=" + seed + ")",
                        e);
            }
        }
        System.out.println("command-line fuzz (seed " + seed + "): " + understood + " understood, " + rejected
                + " rejected with a message, 0 unhandled");
    }

    /** A small CIB with the resources the lines above name, so that mutants reach deep into the translators. */
    private static CibFixture fixture() {
        CibFixture f = new CibFixture("n1", "n2");
        f.online("n1");
        f.online("n2");
        f.run("pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.240.0.50 cidr_netmask=24");
        f.run("pcs resource create fs ocf:heartbeat:Filesystem device=/srv/a directory=/mnt/a fstype=none "
                + "options=bind --group g1");
        f.run("pcs resource create ping ocf:pacemaker:ping host_list=10.240.0.1 clone");
        return f;
    }

    private static void apply(CibFixture f, List<String> words) {
        String first = words.isEmpty() ? "" : words.get(0);
        switch (first) {
            case "crm_resource" -> CrmResourceParser.parse(words, f.cib(), CibFixture.NOW);
            case "crm_attribute" -> CrmAttributeParser.parse(words, f.cib(), "n1");
            default -> {
                PcsRequest r = PcsParser.parse(words, f.context());
                if (r instanceof PcsRequest.Change c) {
                    f.apply(c.changes());
                }
            }
        }
    }

    private static List<String> mutate(List<String> words, Random rnd) {
        List<String> w = new ArrayList<>(words);
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && !w.isEmpty(); e++) {
            int at = 1 + rnd.nextInt(Math.max(1, w.size() - 1));
            at = Math.min(at, w.size() - 1);
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
