package io.vigil.agent.ipaddr2;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/** The {@code ip} commands the agent needs, each run as a separate argv (never a shell), with a deadline. */
final class Ip {

    /** An address assigned to an interface, from {@code ip -o addr show}. */
    record Assigned(String nic, String address, int prefix, String label, boolean tentative, boolean dadFailed) {
    }

    /** A route that covers an address, from {@code ip -o route show match}. */
    record Route(String nic, int prefix, boolean viaGateway) {
    }

    private final long deadline;

    Ip(long deadlineNanos) {
        this.deadline = deadlineNanos;
    }

    Outcome run(String... argv) throws IOException {
        long left = Math.max(200, (deadline - System.nanoTime()) / 1_000_000);
        Outcome o = AgentProcess.run(List.of(argv), Map.of("LC_ALL", "C"), null, Duration.ofMillis(left));
        if (o.interrupted()) {
            throw new IOException("interrupted while running " + argv[0]);
        }
        if (o.timedOut()) {
            throw new IOException(String.join(" ", argv) + " timed out");
        }
        return o;
    }

    /** All addresses of a family ({@code inet} or {@code inet6}) on all interfaces. */
    List<Assigned> addresses(String family) throws IOException {
        Outcome o = run("ip", "-o", "-f", family, "addr", "show");
        if (o.exitCode() != 0) {
            throw new IOException("ip addr show failed: " + o.output());
        }
        List<Assigned> out = new ArrayList<>();
        for (String line : o.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            String nic = f[1];
            int at = nic.indexOf('@');
            if (at > 0) {
                nic = nic.substring(0, at);
            }
            String cidr = f[3];
            int slash = cidr.indexOf('/');
            String addr = slash < 0 ? cidr : cidr.substring(0, slash);
            int prefix = slash < 0 ? (family.equals("inet") ? 32 : 128) : Integer.parseInt(cidr.substring(slash + 1));
            String label = nic;
            boolean tentative = false;
            boolean dadFailed = false;
            for (int i = 4; i < f.length; i++) {
                if (f[i].equals("tentative")) {
                    tentative = true;
                } else if (f[i].equals("dadfailed")) {
                    dadFailed = true;
                } else if (f[i].startsWith(nic + ":")) {
                    label = f[i].endsWith("\\") ? f[i].substring(0, f[i].length() - 1) : f[i];
                }
            }
            out.add(new Assigned(nic, addr, prefix, label, tentative, dadFailed));
        }
        return out;
    }

    /** Where the address is assigned, if anywhere. */
    Optional<Assigned> find(Addr addr) throws IOException {
        for (Assigned a : addresses(addr.v6() ? "inet6" : "inet")) {
            if (addr.sameAs(a.address())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The most specific route in the main table that covers the address (on {@code nic} when given). */
    Optional<Route> route(Addr addr, String nic) throws IOException {
        Outcome o = run("ip", "-o", addr.v6() ? "-6" : "-4", "route", "show", "match", addr.text());
        if (o.exitCode() != 0) {
            return Optional.empty();
        }
        Route best = null;
        for (String line : o.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3) {
                continue;
            }
            int prefix;
            if (f[0].equals("default")) {
                prefix = 0;
            } else if (f[0].contains("/")) {
                prefix = Integer.parseInt(f[0].substring(f[0].indexOf('/') + 1));
            } else {
                prefix = addr.maxPrefix();
            }
            String dev = null;
            boolean via = false;
            for (int i = 1; i < f.length - 1; i++) {
                if (f[i].equals("dev")) {
                    dev = f[i + 1];
                } else if (f[i].equals("via")) {
                    via = true;
                }
            }
            if (dev == null || (nic != null && !nic.equals(dev))) {
                continue;
            }
            if (best == null || prefix > best.prefix()) {
                best = new Route(dev, prefix, via);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The interface's MAC address, or empty. */
    Optional<String> mac(String nic) throws IOException {
        Outcome o = run("ip", "-o", "link", "show", "dev", nic);
        int i = o.stdout().indexOf("link/ether ");
        return o.exitCode() == 0 && i >= 0 ? Optional.of(o.stdout().substring(i + 11).split("\\s+")[0])
                : Optional.empty();
    }

    /** Whether the interface exists. */
    boolean exists(String nic) throws IOException {
        return run("ip", "-o", "link", "show", "dev", nic).exitCode() == 0;
    }
}
