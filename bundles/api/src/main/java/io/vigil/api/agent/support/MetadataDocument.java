package io.vigil.api.agent.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reading the {@code <resource-agent>} meta-data documents external agents print (OCF scripts, RHCS fence
 * programs): parsed without loading any DTD or external entity, starting at the first {@code <} (some programs
 * print a banner first), and walked by direct children.
 */
public final class MetadataDocument {

    private MetadataDocument() {
    }

    /** The {@code <resource-agent>} root element of {@code xml}, or empty when it is not such a document. */
    public static Optional<Element> resourceAgent(String xml) {
        int start = xml == null ? -1 : xml.indexOf('<');
        if (start < 0) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(xml.substring(start)))).getDocumentElement();
            return "resource-agent".equals(root.getTagName()) ? Optional.of(root) : Optional.empty();
        } catch (Exception e) {
            // not well-formed: the caller describes the agent without its meta-data
            return Optional.empty();
        }
    }

    /** The first child element named {@code tag}, or null (also for a null parent). */
    public static Element child(Element parent, String tag) {
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

    /** Every child element named {@code tag}, in document order; empty for a null parent. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(tag)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
