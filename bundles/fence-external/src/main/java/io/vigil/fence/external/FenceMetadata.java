package io.vigil.fence.external;

import static io.vigil.api.agent.support.MetadataDocument.child;
import static io.vigil.api.agent.support.MetadataDocument.children;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import org.w3c.dom.Element;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.MetadataDocument;

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
        } catch (RuntimeException e) {
            // a parameter the model refuses (e.g. no name): the caller falls back to a minimal description
            return Optional.empty();
        }
    }

    /** What a fence executable without usable meta-data is described as: it accepts any option. */
    static AgentMetadata minimal(String name) {
        return new AgentMetadata(name, null, "RHCS-style fence agent " + name,
                "The program printed no usable meta-data (fence_X -o metadata).", List.of(), DEVICE_ACTIONS);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
