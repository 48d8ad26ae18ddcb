package io.vigil.agent.ocfbridge;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;

/** Reads an OCF meta-data document (as a script prints it) into {@link AgentMetadata}; no DTD is loaded. */
final class MetadataParser {

    private static final Pattern TIME = Pattern.compile("\\s*(\\d+)\\s*(ms|msec|s|sec|m|min|h|hr)?\\s*");

    private MetadataParser() {
    }

    static Optional<AgentMetadata> parse(String type, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            int start = xml.indexOf('<');
            if (start < 0) {
                return Optional.empty();
            }
            Document d = b.parse(new InputSource(new StringReader(xml.substring(start))));
            Element root = d.getDocumentElement();
            if (!"resource-agent".equals(root.getTagName())) {
                return Optional.empty();
            }
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

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}
