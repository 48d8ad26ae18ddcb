package io.vigil.cib.xml;

import java.io.StringReader;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import io.vigil.cib.CibParseException;

/** Small helpers for building the exported DOM. */
final class XmlOut {
    private final Document doc;

    XmlOut(Document doc) {
        this.doc = doc;
    }

    Element child(Element parent, String tag) {
        Element e = doc.createElement(tag);
        parent.appendChild(e);
        return e;
    }

    /** Sets the attribute unless the value is absent. */
    XmlOut attr(Element e, String name, Object value) {
        if (value != null) {
            e.setAttribute(name, value.toString());
        }
        return this;
    }

    XmlOut attrs(Element e, Map<String, String> values) {
        values.forEach((k, v) -> attr(e, k, v));
        return this;
    }

    /** Puts back an element kept verbatim from the imported document. */
    void raw(Element parent, String xml) {
        try {
            Element e = CibXmlReader.parse(new InputSource(new StringReader(xml)), "kept element").getDocumentElement();
            parent.appendChild(doc.importNode(e, true));
        } catch (CibParseException e) {
            // Kept XML always came from a parsed document; should it not parse, the report still names it.
        }
    }
}
