package io.vigil.cib.xml;

import java.io.StringWriter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Tag;
import io.vigil.cib.model.Unsupported;

/**
 * Exports a snapshot as Pacemaker CIB XML. Unsupported elements kept verbatim on import are put back at the
 * end of their section, so a round trip keeps them.
 */
public final class CibXmlWriter {

    private CibXmlWriter() {
    }

    public static String write(CibSnapshot cib) {
        Document doc = newDocument();
        XmlOut out = new XmlOut(doc);
        Element root = doc.createElement("cib");
        doc.appendChild(root);
        out.attr(root, "admin_epoch", cib.version().adminEpoch()).attr(root, "epoch", cib.version().epoch())
                .attr(root, "num_updates", cib.version().numUpdates()).attrs(root, cib.attributes());
        Element configuration = out.child(root, "configuration");
        writeConfiguration(out, configuration, cib.configuration());
        Element status = out.child(root, "status");
        new StatusWriter(out).write(status, cib.status());
        List<Unsupported> all = cib.unsupported();
        putBack(out, all, "status", status);
        putBack(out, all, "cib", root);
        return serialize(doc);
    }

    private static void writeConfiguration(XmlOut out, Element e, Configuration c) {
        List<Unsupported> kept = c.unsupported();
        NvSetWriter sets = new NvSetWriter(out);
        Element crm = out.child(e, "crm_config");
        c.crmConfig().forEach(s -> sets.write(crm, "cluster_property_set", s));
        putBack(out, kept, "crm_config", crm);
        Element nodes = out.child(e, "nodes");
        for (Node n : c.nodes()) {
            Element ne = out.child(nodes, "node");
            out.attr(ne, "id", n.id()).attr(ne, "uname", n.uname()).attr(ne, "type", n.type())
                    .attr(ne, "score", n.score()).attr(ne, "description", n.description()).attrs(ne, n.otherAttributes());
            sets.writeAll(ne, "instance_attributes", n.instanceAttributes());
            sets.writeAll(ne, "utilization", n.utilization());
        }
        putBack(out, kept, "nodes", nodes);
        Element resources = out.child(e, "resources");
        ResourceWriter rw = new ResourceWriter(out);
        c.resources().forEach(r -> rw.write(resources, r));
        putBack(out, kept, "resources", resources);
        Element constraints = out.child(e, "constraints");
        ConstraintWriter cw = new ConstraintWriter(out);
        c.constraints().forEach(k -> cw.write(constraints, k));
        putBack(out, kept, "constraints", constraints);
        if (!c.rscDefaults().isEmpty() || has(kept, "rsc_defaults")) {
            Element d = out.child(e, "rsc_defaults");
            sets.writeAll(d, "meta_attributes", c.rscDefaults());
            putBack(out, kept, "rsc_defaults", d);
        }
        if (!c.opDefaults().isEmpty() || has(kept, "op_defaults")) {
            Element d = out.child(e, "op_defaults");
            sets.writeAll(d, "meta_attributes", c.opDefaults());
            putBack(out, kept, "op_defaults", d);
        }
        if (!c.fencingTopology().isEmpty() || has(kept, "fencing-topology")) {
            Element t = out.child(e, "fencing-topology");
            for (FencingLevel l : c.fencingTopology()) {
                Element le = out.child(t, "fencing-level");
                out.attr(le, "id", l.id()).attr(le, "target", l.target()).attr(le, "target-pattern", l.targetPattern())
                        .attr(le, "target-attribute", l.targetAttribute()).attr(le, "target-value", l.targetValue())
                        .attr(le, "index", l.index()).attr(le, "devices", String.join(",", l.devices()));
            }
            putBack(out, kept, "fencing-topology", t);
        }
        if (!c.tags().isEmpty() || has(kept, "tags")) {
            Element t = out.child(e, "tags");
            for (Tag tag : c.tags()) {
                Element te = out.child(t, "tag");
                out.attr(te, "id", tag.id());
                tag.refs().forEach(r -> out.attr(out.child(te, "obj_ref"), "id", r));
            }
            putBack(out, kept, "tags", t);
        }
        putBack(out, kept, "configuration", e);
    }

    private static boolean has(List<Unsupported> kept, String section) {
        return kept.stream().anyMatch(u -> u.xml() != null && u.section().equals(section));
    }

    private static void putBack(XmlOut out, List<Unsupported> kept, String section, Element parent) {
        for (Unsupported u : kept) {
            if (u.xml() != null && u.section().equals(section)) {
                out.raw(parent, u.xml());
            }
        }
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML support is missing", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML", e);
        }
    }

}
