package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.FencingLevel;

/** Reads fencing-topology levels. */
final class FencingTopologyReader {
    private static final String SECTION = "fencing-topology";
    private final ImportContext ctx;

    FencingTopologyReader(ImportContext ctx) {
        this.ctx = ctx;
    }

    List<FencingLevel> readSection(Element topology) {
        List<FencingLevel> out = new ArrayList<>();
        for (Element e : Dom.children(topology)) {
            if (!e.getTagName().equals("fencing-level")) {
                ctx.unsupportedElement(e, SECTION, "unknown element in fencing-topology");
                continue;
            }
            XmlAttrs a = new XmlAttrs(e);
            String devices = a.get("devices");
            List<String> list = devices == null ? List.of()
                    : Arrays.stream(devices.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            out.add(new FencingLevel(a.get("id"), a.get("target"), a.get("target-pattern"), a.get("target-attribute"),
                    a.get("target-value"), a.get("index"), list));
            ctx.unknownAttributes(e, a.rest(), SECTION);
        }
        return out;
    }
}
