package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

import io.vigil.cib.Problem;
import io.vigil.cib.model.Score;
import io.vigil.cib.model.Unsupported;

/** Collects import problems and unsupported reports while the section readers walk the document. */
final class ImportContext {
    final List<Problem> problems = new ArrayList<>();
    final List<Unsupported> configUnsupported = new ArrayList<>();
    final List<Unsupported> statusUnsupported = new ArrayList<>();

    /**
     * An element taken out of the model. Its XML is kept for export when it sits directly in a section
     * container (resources, constraints, status, the cib root ...), where the writer can put it back.
     */
    Unsupported unsupportedElement(Element e, String section, String reason) {
        String parent = e.getParentNode() instanceof Element p ? p.getTagName() : "";
        boolean reinsertable = parent.equals(section);
        Unsupported u = new Unsupported(e.getTagName(), idOf(e), section, reason, reinsertable ? Dom.toXml(e) : null);
        (section.startsWith("status") ? statusUnsupported : configUnsupported).add(u);
        return u;
    }

    /** A feature the model keeps but Vigil does not act on (remote node, template reference, id-ref). */
    void unsupportedFeature(String element, String id, String section, String reason) {
        Unsupported u = new Unsupported(element, id, section, reason, null);
        (section.startsWith("status") ? statusUnsupported : configUnsupported).add(u);
    }

    /** Attributes Vigil has no field for on an element that keeps none: reported, not kept. */
    void unknownAttributes(Element e, Map<String, String> rest, String section) {
        for (String name : rest.keySet()) {
            unsupportedFeature(e.getTagName(), idOf(e), section, "attribute '" + name + "' is not supported and was dropped");
        }
    }

    Score score(String text, String kind, String id, String field) {
        if (text == null) {
            return null;
        }
        return Score.tryParse(text).orElseGet(() -> {
            problems.add(Problem.error(kind, id, field, "'" + text + "' is not a score; use an integer, INFINITY or -INFINITY"));
            return null;
        });
    }

    private static final List<String> SECTION_ORDER = List.of("crm_config", "nodes", "resources", "constraints",
            "rsc_defaults", "op_defaults", "fencing-topology", "tags", "configuration", "status", "cib");

    /**
     * Reports in a canonical order: by section, then those kept in the model before those taken out (which the
     * writer appends at the end of their section), then document order. Re-importing an export gives the same list.
     */
    static List<Unsupported> canonical(List<Unsupported> reports) {
        List<Unsupported> sorted = new ArrayList<>(reports);
        sorted.sort(java.util.Comparator.comparingInt((Unsupported u) -> rank(u.section()))
                .thenComparing(u -> u.xml() != null));
        return List.copyOf(sorted);
    }

    private static int rank(String section) {
        int i = SECTION_ORDER.indexOf(section);
        return i < 0 ? SECTION_ORDER.size() : i;
    }

    static String idOf(Element e) {
        if (e.hasAttribute("id")) {
            return e.getAttribute("id");
        }
        return e.hasAttribute("id-ref") ? e.getAttribute("id-ref") : null;
    }
}
