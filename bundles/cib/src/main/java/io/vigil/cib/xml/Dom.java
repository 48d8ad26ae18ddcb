package io.vigil.cib.xml;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers. */
final class Dom {
    private Dom() {
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element as compact XML: whitespace-only text is dropped so re-indented copies compare equal. */
    static String toXml(Element original) {
        Element e = (Element) original.cloneNode(true);
        stripWhitespace(e);
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(w));
            return w.toString();
        } catch (TransformerException ex) {
            return "<" + e.getTagName() + "/>";
        }
    }

    private static void stripWhitespace(Node parent) {
        Node n = parent.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) {
                parent.removeChild(n);
            } else if (n.getNodeType() == Node.COMMENT_NODE) {
                parent.removeChild(n);
            } else {
                stripWhitespace(n);
            }
            n = next;
        }
    }
}
