package io.vigil.agent.ocfbridge;

import static io.vigil.api.agent.support.MetadataDocument.child;
import static io.vigil.api.agent.support.MetadataDocument.children;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.w3c.dom.Element;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.MetadataDocument;

/** Reads an OCF meta-data document (as a script prints it) into {@link AgentMetadata}; no DTD is loaded. */
final class MetadataParser {

    private static final Pattern TIME = Pattern.compile("\\s*(\\d+)\\s*(ms|msec|s|sec|m|min|h|hr)?\\s*");

    private MetadataParser() {
    }

    static Optional<AgentMetadata> parse(String type, String xml) {
        Optional<Element> found = MetadataDocument.resourceAgent(xml);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element root = found.get();
        try {
            List<ParameterSpec> params = new ArrayList<>();
            for (Element p : children(child(root, "parameters"), "parameter")) {
                Element content = child(p, "content");
                params.add(new ParameterSpec(p.getAttribute("name"),
                        content == null ? "string" : content.getAttribute("type"),
                        "1".equals(p.getAttribute("required")) || "true".equals(p.getAttribute("required")),
                        "1".equals(p.getAttribute("unique")) || "true".equals(p.getAttribute("unique")),
                        content == null || !content.hasAttribute("default") ? null : content.getAttribute("default"),
                        text(child(p, "shortdesc")), text(child(p, "longdesc"))));
            }
            List<ActionSpec> actions = new ArrayList<>();
            for (Element a : children(child(root, "actions"), "action")) {
                String name = a.getAttribute("name");
                if (name.equals("status")) {
                    continue;
                }
                Optional<AgentAction> action = AgentAction.fromOcfName(name);
                if (action.isEmpty()) {
                    continue;
                }
                int depth = 0;
                try {
                    depth = a.hasAttribute("depth") ? Integer.parseInt(a.getAttribute("depth").trim()) : 0;
                } catch (NumberFormatException e) {
                    depth = 0;
                }
                actions.add(new ActionSpec(action.get(), time(a.getAttribute("timeout"), Duration.ofSeconds(20)),
                        time(a.getAttribute("interval"), Duration.ZERO), depth,
                        a.hasAttribute("role") ? a.getAttribute("role") : null));
            }
            String version = root.getAttribute("version");
            return Optional.of(new AgentMetadata(root.hasAttribute("name") ? root.getAttribute("name") : type,
                    version.isEmpty() ? null : version, text(child(root, "shortdesc")),
                    text(child(root, "longdesc")), params, actions));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Duration time(String s, Duration dflt) {
        Matcher m = TIME.matcher(s == null ? "" : s);
        if (!m.matches()) {
            return dflt;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms", "msec" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h", "hr" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}
