package io.vigil.fence.external;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;

/**
 * Reads what {@code fence_X -o metadata} prints (the RHCS {@code <resource-agent>} document: parameters with
 * {@code required}, {@code <content type default>}, {@code <shortdesc>}) into {@link AgentMetadata}. The device's
 * resource actions are those of every fence device (start/stop/monitor), whatever fence actions it lists.
 */
final class FenceMetadata {

    static final List<ActionSpec> DEVICE_ACTIONS = List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)),
            ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(20)),
            ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(60)));

    private FenceMetadata() {
    }

    static Optional<AgentMetadata> parse(String name, String xml) {
        try {
            int start = xml.indexOf('<');
            if (start < 0) {
                return Optional.empty();
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(xml.substring(start)))).getDocumentElement();
            if (!"resource-agent".equals(root.getTagName())) {
                return Optional.empty();
            }
            List<ParameterSpec> params = new ArrayList<>();
            for (Element p : children(child(root, "parameters"), "parameter")) {
                Element content = child(p, "content");
                params.add(new ParameterSpec(p.getAttribute("name"),
                        content == null || content.getAttribute("type").isEmpty() ? "string"
                                : content.getAttribute("type"),
                        "1".equals(p.getAttribute("required")), false,
                        content == null || !content.hasAttribute("default") ? null : content.getAttribute("default"),
                        text(child(p, "shortdesc")), ""));
            }
            String shortdesc = root.hasAttribute("shortdesc") ? root.getAttribute("shortdesc")
                    : text(child(root, "shortdesc"));
            return Optional.of(new AgentMetadata(name, null, shortdesc, text(child(root, "longdesc")), params,
                    DEVICE_ACTIONS));
        } catch (Exception e) {
            // not a meta-data document: the caller falls back to a minimal description
            return Optional.empty();
        }
    }

    /** What a fence executable without usable meta-data is described as: it accepts any option. */
    static AgentMetadata minimal(String name) {
        return new AgentMetadata(name, null, "RHCS-style fence agent " + name,
                "The program printed no usable meta-data (fence_X -o metadata).", List.of(), DEVICE_ACTIONS);
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
        List<Element> r = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(tag)) {
                    r.add(e);
                }
            }
        }
        return r;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
