package io.vigil.itest.faults;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.itest.hosts.Command;
import io.vigil.itest.hosts.TestHost;

/**
 * Network faults as nftables rules inside the hosts' own network namespaces (table {@code inet vigil_fault}, so the
 * root namespace is never touched): two-way partitions, one-way cuts, random packet loss. {@link #clear} removes
 * the table again.
 */
final class NetFaults {

    private static final String TABLE = "vigil_fault";

    private NetFaults() {
    }

    /** Neither side hears the other. */
    static void partition(List<TestHost> a, List<TestHost> b) {
        a.forEach(h -> drop(h, b, true, true));
        b.forEach(h -> drop(h, a, true, true));
    }

    /** {@code h}'s packets to {@code peers} are dropped as they leave; what they send still arrives. */
    static void oneWay(TestHost h, List<TestHost> peers) {
        drop(h, peers, false, true);
    }

    /** {@code percent} % of {@code h}'s packets in and out are dropped at random. */
    static void loss(TestHost h, int percent) {
        apply(h, "add rule inet " + TABLE + " in numgen random mod 100 < " + percent + " drop\n"
                + "add rule inet " + TABLE + " out numgen random mod 100 < " + percent + " drop\n");
    }

    /** Removes every rule of the harness from {@code h}; harmless when there is none. */
    static void clear(TestHost h) {
        String tables = Command.run("ip", "netns", "exec", h.namespace(), "nft", "list", "tables");
        if (tables.contains(TABLE)) {
            Command.run("ip", "netns", "exec", h.namespace(), "nft", "delete", "table", "inet", TABLE);
        }
    }

    private static void drop(TestHost h, List<TestHost> peers, boolean in, boolean out) {
        String set = peers.stream().map(TestHost::address).collect(Collectors.joining(", ", "{ ", " }"));
        apply(h, (in ? "add rule inet " + TABLE + " in ip saddr " + set + " drop\n" : "")
                + (out ? "add rule inet " + TABLE + " out ip daddr " + set + " drop\n" : ""));
    }

    private static void apply(TestHost h, String rules) {
        String script = "add table inet " + TABLE + "\n"
                + "add chain inet " + TABLE + " in { type filter hook input priority -10 ; }\n"
                + "add chain inet " + TABLE + " out { type filter hook output priority -10 ; }\n" + rules;
        Command.run(List.of("ip", "netns", "exec", h.namespace(), "nft", "-f", "-"), script);
    }
}
