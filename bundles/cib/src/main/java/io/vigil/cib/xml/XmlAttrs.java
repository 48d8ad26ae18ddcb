package io.vigil.cib.xml;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Reads an element's attributes and remembers which were read, so the rest can be kept or reported. */
final class XmlAttrs {
    private final Element element;
    private final Set<String> read = new HashSet<>();

    XmlAttrs(Element element) {
        this.element = element;
    }

    String get(String name) {
        read.add(name);
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** Attributes not read so far (DOM gives them in name order, which is stable). */
    Map<String, String> rest() {
        Map<String, String> rest = new LinkedHashMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr a = (Attr) all.item(i);
            // Namespace-prefixed attributes are not part of the CIB schema and could not be written back.
            if (!read.contains(a.getName()) && a.getName().indexOf(':') < 0) {
                rest.put(a.getName(), a.getValue());
            }
        }
        return rest;
    }

    static Map<String, String> all(Element element) {
        return new XmlAttrs(element).rest();
    }
}
