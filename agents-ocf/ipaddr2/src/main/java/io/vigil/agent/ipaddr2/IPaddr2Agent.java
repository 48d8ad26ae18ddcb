package io.vigil.agent.ipaddr2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.ConfiguredAgent;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:heartbeat:IPaddr2}: a floating IPv4 or IPv6 address. Start adds it with {@code ip addr add} (with the
 * label {@code <nic>:<iflabel>} when {@code iflabel} is set) and announces it — IPv4 with unsolicited ARP
 * ({@code arping -U}, {@code arp_count} packets {@code arp_interval} ms apart), IPv6 with unsolicited neighbour
 * advertisements ({@code send_ua} from resource-agents) after duplicate address detection has passed. Without
 * {@code nic} the interface (and without {@code cidr_netmask} the prefix length) comes from the most specific
 * directly connected route that covers the address; a route via a gateway is refused, as the original does.
 * Monitor reports whether the address is assigned; stop removes it. Parameter names and defaults follow the
 * ClusterLabs agent; options of the original that Vigil does not implement (LVS, CLUSTERIP, network namespaces)
 * are rejected with {@link OcfExitCode#ERR_CONFIGURED} when set to a non-default value.
 */
public class IPaddr2Agent extends ConfiguredAgent<IPaddr2Agent.Config> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern LFT = Pattern.compile("forever|\\d{1,10}");
    private static final List<String> ARPING = List.of("/usr/bin/arping", "/usr/sbin/arping", "/bin/arping");
    private static final List<String> SEND_UA = List.of("/usr/libexec/heartbeat/send_ua",
            "/usr/lib/heartbeat/send_ua");

    private static final AgentMetadata METADATA = new AgentMetadata("IPaddr2", "1.0",
            "Manages virtual IPv4 and IPv6 addresses (Linux specific version)",
            "Adds a floating IP address to an interface, announces it to the neighbours with gratuitous ARP "
                    + "(IPv4) or unsolicited neighbour advertisements (IPv6), and removes it on stop.",
            List.of(new ParameterSpec("ip", "string", true, true, null, "IPv4 or IPv6 address",
                            "The floating address, e.g. 192.168.1.10 or fd00::10. Required."),
                    ParameterSpec.optional("nic", null, "Network interface (default: from the routing table)"),
                    ParameterSpec.optional("cidr_netmask", null,
                            "Prefix length (e.g. 24) or dotted IPv4 netmask (default: from the routing table)"),
                    ParameterSpec.optional("broadcast", null,
                            "IPv4 broadcast address; '+' computes it, '-' sets none (default: '+')"),
                    ParameterSpec.optional("iflabel", null, "Interface label suffix: the address is labelled "
                            + "<nic>:<iflabel> (IPv4 only, at most 15 characters in total)"),
                    new ParameterSpec("lvs_support", "boolean", false, false, "false",
                            "LVS direct routing support (not implemented by Vigil; must stay false)", ""),
                    new ParameterSpec("arp_interval", "integer", false, false, "200",
                            "Milliseconds between gratuitous ARP packets", ""),
                    new ParameterSpec("arp_count", "integer", false, false, "5",
                            "Number of gratuitous ARP packets sent on start", ""),
                    ParameterSpec.optional("arp_sender", "",
                            "Program that sends gratuitous ARP: only arping (the default) is supported"),
                    new ParameterSpec("nodad", "boolean", false, false, "false",
                            "IPv6: skip duplicate address detection", ""),
                    new ParameterSpec("noprefixroute", "boolean", false, false, "false",
                            "Do not create the prefix route for the address", ""),
                    ParameterSpec.optional("preferred_lft", "forever", "IPv6 preferred lifetime (forever or seconds)"),
                    ParameterSpec.optional("network_namespace", "",
                            "Network namespace (not implemented by Vigil: run the node in the namespace)")),
            List.of(ActionSpec.of(AgentAction.START, DEFAULT_TIMEOUT), ActionSpec.of(AgentAction.STOP, DEFAULT_TIMEOUT),
                    ActionSpec.recurring(AgentAction.MONITOR, DEFAULT_TIMEOUT, Duration.ofSeconds(10)),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, DEFAULT_TIMEOUT)));

    /** The checked parameters of one request. */
    record Config(Addr ip, String nic, Integer prefix, String broadcast, String label, int arpCount,
            int arpInterval, boolean nodad, boolean noprefixroute, String preferredLft) {
    }

    public IPaddr2Agent() {
        super(METADATA, IPaddr2Agent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest request, Config c, long deadline) throws IOException {
        Ip ip = new Ip(deadline);
        return switch (request.action()) {
            case VALIDATE_ALL -> validateEnvironment(ip, c);
            case START -> start(ip, c);
            case STOP -> stop(ip, c);
            case MONITOR -> monitor(ip, c);
            default -> unimplemented(request);
        };
    }

    /** Syntax checks, no commands run: a {@link Config} or an error result naming the parameter. */
    static Object validate(ActionRequest r) {
        String ipText = r.parameter("ip", null);
        if (ipText == null) {
            return configured("parameter ip is required");
        }
        Optional<Addr> ip = Addr.parse(ipText.trim());
        if (ip.isEmpty()) {
            return configured("parameter ip: '" + ipText + "' is not an IPv4 or IPv6 address");
        }
        Addr a = ip.get();
        String nic = r.parameter("nic", null);
        if (nic != null && nic.contains(":")) {
            nic = nic.substring(0, nic.indexOf(':')); // "eth0:1" as some configurations spell it
        }
        if (nic != null && !NIC.matcher(nic).matches()) {
            return configured("parameter nic: '" + r.parameter("nic", "") + "' is not an interface name");
        }
        Integer prefix = null;
        String mask = r.parameter("cidr_netmask", null);
        if (mask != null) {
            mask = mask.trim();
            if (mask.matches("\\d{1,3}")) {
                prefix = Integer.parseInt(mask);
            } else if (!a.v6()) {
                int p = Addr.maskToPrefix(mask);
                prefix = p < 0 ? null : p;
            }
            if (prefix == null || prefix < 0 || prefix > a.maxPrefix()) {
                return configured("parameter cidr_netmask: '" + mask + "' is not a prefix length (0-"
                        + a.maxPrefix() + ")" + (a.v6() ? "" : " or a netmask"));
            }
        }
        String brd = r.parameter("broadcast", "+");
        if (!brd.equals("+") && !brd.equals("-") && (a.v6() || Addr.parse(brd).filter(b -> !b.v6()).isEmpty())) {
            return configured("parameter broadcast: '" + brd + "' must be an IPv4 address, '+' or '-'"
                    + (a.v6() ? " (and is meaningless for IPv6)" : ""));
        }
        String label = r.parameter("iflabel", null);
        if (label != null) {
            if (a.v6()) {
                return configured("parameter iflabel: labels are an IPv4 feature; remove it for " + ipText);
            }
            if (!LABEL.matcher(label).matches()) {
                return configured("parameter iflabel: '" + label + "' may contain only letters, digits, '_', "
                        + "'.', '-'");
            }
            if (nic != null && nic.length() + 1 + label.length() > 15) {
                return configured("parameter iflabel: label " + nic + ":" + label + " is longer than 15 "
                        + "characters");
            }
        }
        Integer count = integer(r.parameter("arp_count", "5"), 0, 1000);
        if (count == null) {
            return configured("parameter arp_count: '" + r.parameter("arp_count", "") + "' is not a number 0-1000");
        }
        Integer interval = integer(r.parameter("arp_interval", "200"), 1, 60_000);
        if (interval == null) {
            return configured("parameter arp_interval: '" + r.parameter("arp_interval", "")
                    + "' is not a number of milliseconds 1-60000");
        }
        String sender = r.parameter("arp_sender", "arping");
        if (!sender.equals("arping")) {
            return configured("parameter arp_sender: only 'arping' is supported, not '" + sender + "'");
        }
        if (truth(r.parameter("lvs_support", "false"))) {
            return configured("parameter lvs_support: LVS support is not implemented by Vigil");
        }
        if (!r.parameter("network_namespace", "").isEmpty()) {
            return configured("parameter network_namespace: not implemented by Vigil; run the node inside the "
                    + "namespace instead");
        }
        String lft = r.parameter("preferred_lft", "forever");
        if (!LFT.matcher(lft).matches()) {
            return configured("parameter preferred_lft: '" + lft + "' must be 'forever' or seconds");
        }
        for (String b : new String[] {"nodad", "noprefixroute", "lvs_support"}) {
            String v = r.parameter(b, "false");
            if (!v.matches("(?i)true|false|yes|no|on|off|1|0|y|n")) {
                return configured("parameter " + b + ": '" + v + "' is not a boolean");
            }
        }
        return new Config(a, nic, prefix, brd, label, count, interval, truth(r.parameter("nodad", "false")),
                truth(r.parameter("noprefixroute", "false")), lft);
    }

    /**
     * The meta-data document with the {@code ra-api-1.dtd} document type that OCF tools (ocf-tester, crm) validate
     * against; the API's renderer does not emit it.
     */

    private static AgentResult configured(String message) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, message);
    }

    private static Integer integer(String s, int min, int max) {
        if (!s.trim().matches("\\d{1,7}")) {
            return null;
        }
        int v = Integer.parseInt(s.trim());
        return v < min || v > max ? null : v;
    }

    static boolean truth(String s) {
        return s.matches("(?i)true|yes|on|1|y");
    }

    /** The interface and prefix to use: configured, else from the routing table. */
    private Object placement(Ip ip, Config c) throws IOException {
        if (c.nic() != null && !ip.exists(c.nic())) {
            return configured("parameter nic: interface " + c.nic() + " does not exist on this node");
        }
        if (c.nic() != null && c.prefix() != null) {
            return new Object[] {c.nic(), c.prefix()};
        }
        Optional<Ip.Route> route = ip.route(c.ip(), c.nic());
        if (route.isEmpty() || route.get().viaGateway() || route.get().prefix() == 0) {
            if (c.nic() != null) {
                return configured("parameter cidr_netmask is required: no connected route on " + c.nic()
                        + " covers " + c.ip().text());
            }
            return configured("parameter nic is required: no connected route covers " + c.ip().text()
                    + " (routes via a gateway are not used)");
        }
        String nic = c.nic() != null ? c.nic() : route.get().nic();
        int prefix = c.prefix() != null ? c.prefix() : route.get().prefix();
        return new Object[] {nic, prefix};
    }

    private AgentResult validateEnvironment(Ip ip, Config c) throws IOException {
        if (findArping() == null && !c.ip().v6()) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "arping (iputils-arping) is not installed");
        }
        Object p = placement(ip, c);
        return p instanceof AgentResult r ? r : AgentResult.success();
    }

    private AgentResult monitor(Ip ip, Config c) throws IOException {
        Optional<Ip.Assigned> a = ip.find(c.ip());
        if (a.isEmpty() || (c.nic() != null && !a.get().nic().equals(c.nic()))) {
            return AgentResult.notRunning(c.ip().text() + " is not assigned" + (c.nic() == null ? ""
                    : " to " + c.nic()));
        }
        if (a.get().dadFailed()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, c.ip().text() + " failed duplicate address "
                    + "detection on " + a.get().nic());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, c.ip().text() + " is on " + a.get().label());
    }

    private AgentResult stop(Ip ip, Config c) throws IOException {
        Optional<Ip.Assigned> a = ip.find(c.ip());
        if (a.isEmpty() || (c.nic() != null && !a.get().nic().equals(c.nic()))) {
            return AgentResult.of(OcfExitCode.SUCCESS, c.ip().text() + " already absent");
        }
        Outcome o = ip.run("ip", c.ip().v6() ? "-6" : "-4", "addr", "del",
                c.ip().text() + "/" + a.get().prefix(), "dev", a.get().nic());
        if (o.exitCode() != 0 && ip.find(c.ip()).isPresent()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "ip addr del " + c.ip().text() + " failed: "
                    + o.output());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, "removed " + c.ip().text() + " from " + a.get().nic());
    }

    private AgentResult start(Ip ip, Config c) throws IOException {
        Optional<Ip.Assigned> existing = ip.find(c.ip());
        if (existing.isPresent() && (c.nic() == null || existing.get().nic().equals(c.nic()))) {
            return AgentResult.of(OcfExitCode.SUCCESS, c.ip().text() + " already on " + existing.get().nic());
        }
        if (existing.isPresent()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, c.ip().text() + " is already assigned to "
                    + existing.get().nic() + ", not " + c.nic());
        }
        Object p = placement(ip, c);
        if (p instanceof AgentResult r) {
            return r;
        }
        String nic = (String) ((Object[]) p)[0];
        int prefix = (Integer) ((Object[]) p)[1];
        if (c.label() != null && nic.length() + 1 + c.label().length() > 15) {
            return configured("parameter iflabel: label " + nic + ":" + c.label() + " is longer than 15 characters");
        }
        List<String> cmd = new ArrayList<>(List.of("ip", c.ip().v6() ? "-6" : "-4", "addr", "add",
                c.ip().text() + "/" + prefix));
        if (!c.ip().v6() && !c.broadcast().equals("-")) {
            cmd.add("brd");
            cmd.add(c.broadcast());
        }
        cmd.add("dev");
        cmd.add(nic);
        if (c.label() != null) {
            cmd.add("label");
            cmd.add(nic + ":" + c.label());
        }
        if (c.ip().v6() && c.nodad()) {
            cmd.add("nodad");
        }
        if (c.noprefixroute()) {
            cmd.add("noprefixroute");
        }
        if (c.ip().v6() && !c.preferredLft().equals("forever")) {
            cmd.add("preferred_lft");
            cmd.add(c.preferredLft());
        }
        ip.run("ip", "link", "set", "dev", nic, "up");
        Outcome o = ip.run(cmd.toArray(String[]::new));
        if (o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, String.join(" ", cmd) + " failed: " + o.output());
        }
        String note = c.ip().v6() ? announceV6(ip, c, nic, prefix) : announceV4(ip, c, nic);
        if (note.startsWith("duplicate")) {
            ip.run("ip", "-6", "addr", "del", c.ip().text() + "/" + prefix, "dev", nic);
            return AgentResult.error(OcfExitCode.ERR_GENERIC, c.ip().text() + " is already in use on the "
                    + "network (IPv6 duplicate address detection failed); removed it again");
        }
        AgentResult m = monitor(ip, c);
        if (m.exitCode() != OcfExitCode.SUCCESS) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "after adding: " + m.output());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, "added " + c.ip().text() + "/" + prefix + " to "
                + (c.label() != null ? nic + ":" + c.label() : nic) + (note.isEmpty() ? "" : "; " + note));
    }

    private String announceV4(Ip ip, Config c, String nic) throws IOException {
        if (c.arpCount() == 0) {
            return "";
        }
        String arping = findArping();
        if (arping == null) {
            return "no gratuitous ARP: arping is not installed";
        }
        // iputils arping takes whole seconds for -i and lingers ~1 s after its last packet, so each packet is its
        // own "arping -U -c 1", started every arp_interval ms; enough of them overlap to keep the pace.
        int parallel = Math.min(c.arpCount(), 1000 / c.arpInterval() + 2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "ipaddr2-arping");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<Outcome>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < c.arpCount(); i++) {
                if (i > 0) {
                    Thread.sleep(c.arpInterval());
                }
                sent.add(pool.submit(() -> ip.run(arping, "-q", "-U", "-c", "1", "-I", nic, "-s", c.ip().text(),
                        c.ip().text())));
            }
            int failed = 0;
            for (java.util.concurrent.Future<Outcome> f : sent) {
                try {
                    if (f.get().exitCode() != 0) {
                        failed++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            return failed == 0 ? "" : failed + " of " + c.arpCount() + " gratuitous ARP packets failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while announcing " + c.ip().text());
        } finally {
            pool.shutdownNow();
        }
    }

    private String announceV6(Ip ip, Config c, String nic, int prefix) throws IOException {
        if (!c.nodad()) {
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                Optional<Ip.Assigned> a = ip.find(c.ip());
                if (a.isPresent() && a.get().dadFailed()) {
                    return "duplicate address detection failed";
                }
                if (a.isEmpty() || !a.get().tentative() || System.nanoTime() > end) {
                    break;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted during duplicate address detection");
                }
            }
        }
        String sendUa = SEND_UA.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (sendUa == null || c.arpCount() == 0) {
            return sendUa == null ? "no neighbour advertisement: send_ua is not installed" : "";
        }
        Outcome o = ip.run(sendUa, "-i", Integer.toString(c.arpInterval()), "-c",
                Integer.toString(c.arpCount()), c.ip().text(), Integer.toString(prefix), nic);
        return o.exitCode() == 0 ? "" : "send_ua: " + o.output();
    }

    private static String findArping() {
        return ARPING.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }
}
