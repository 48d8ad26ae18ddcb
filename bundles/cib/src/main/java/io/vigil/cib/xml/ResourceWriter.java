package io.vigil.cib.xml;

import org.w3c.dom.Element;

import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;

/** Writes resources; a clone imported from {@code master} is written back as {@code master}. */
final class ResourceWriter {
    private final XmlOut out;
    private final NvSetWriter sets;

    ResourceWriter(XmlOut out) {
        this.out = out;
        this.sets = new NvSetWriter(out);
    }

    void write(Element parent, Resource r) {
        if (r instanceof Primitive p) {
            primitive(parent, p);
        } else if (r instanceof Group g) {
            group(parent, g);
        } else if (r instanceof Clone c) {
            clone(parent, c);
        }
    }

    private void primitive(Element parent, Primitive p) {
        Element e = out.child(parent, "primitive");
        out.attr(e, "id", p.id()).attr(e, "description", p.description()).attr(e, "class", p.standard())
                .attr(e, "provider", p.provider()).attr(e, "type", p.type()).attrs(e, p.otherAttributes());
        sets.writeAll(e, "instance_attributes", p.instanceAttributes());
        sets.writeAll(e, "meta_attributes", p.metaAttributes());
        sets.writeAll(e, "utilization", p.utilization());
        if (p.operationsId() != null || p.operationsIdRef() != null || !p.operations().isEmpty()) {
            Element ops = out.child(e, "operations");
            out.attr(ops, "id", p.operationsId()).attr(ops, "id-ref", p.operationsIdRef());
            for (Operation o : p.operations()) {
                Element op = out.child(ops, "op");
                out.attr(op, "id", o.id()).attr(op, "name", o.name()).attr(op, "interval", o.interval())
                        .attr(op, "timeout", o.timeout()).attr(op, "role", o.role()).attr(op, "on-fail", o.onFail())
                        .attrs(op, o.otherAttributes());
                sets.writeAll(op, "meta_attributes", o.metaAttributes());
                sets.writeAll(op, "instance_attributes", o.instanceAttributes());
            }
        }
    }

    private void group(Element parent, Group g) {
        Element e = out.child(parent, "group");
        out.attr(e, "id", g.id()).attr(e, "description", g.description()).attrs(e, g.otherAttributes());
        sets.writeAll(e, "instance_attributes", g.instanceAttributes());
        sets.writeAll(e, "meta_attributes", g.metaAttributes());
        sets.writeAll(e, "utilization", g.utilization());
        g.members().forEach(m -> primitive(e, m));
    }

    private void clone(Element parent, Clone c) {
        Element e = out.child(parent, c.legacyMaster() ? "master" : "clone");
        out.attr(e, "id", c.id()).attr(e, "description", c.description()).attrs(e, c.otherAttributes());
        sets.writeAll(e, "instance_attributes", c.instanceAttributes());
        sets.writeAll(e, "meta_attributes", c.metaAttributes());
        if (c.child() != null) {
            write(e, c.child());
        }
    }
}
