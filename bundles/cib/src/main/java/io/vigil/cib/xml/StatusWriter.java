package io.vigil.cib.xml;

import org.w3c.dom.Element;

import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Status;

/** Writes the status section. */
final class StatusWriter {
    private final XmlOut out;
    private final NvSetWriter sets;

    StatusWriter(XmlOut out) {
        this.out = out;
        this.sets = new NvSetWriter(out);
    }

    void write(Element status, Status s) {
        for (NodeState n : s.nodes()) {
            Element e = out.child(status, "node_state");
            out.attr(e, "id", n.id()).attr(e, "uname", n.uname()).attrs(e, n.attributes());
            if (n.transientId() != null) {
                Element t = out.child(e, "transient_attributes");
                out.attr(t, "id", n.transientId().isEmpty() ? null : n.transientId());
                for (NvSet set : n.transientAttributes()) {
                    sets.write(t, "instance_attributes", set);
                }
            }
            if (n.lrmId() != null) {
                Element lrm = out.child(e, "lrm");
                out.attr(lrm, "id", n.lrmId().isEmpty() ? null : n.lrmId());
                Element resources = out.child(lrm, "lrm_resources");
                for (LrmResource r : n.lrmResources()) {
                    Element re = out.child(resources, "lrm_resource");
                    out.attr(re, "id", r.id()).attr(re, "type", r.type()).attr(re, "class", r.standard())
                            .attr(re, "provider", r.provider()).attrs(re, r.otherAttributes());
                    for (LrmRscOp op : r.ops()) {
                        out.attrs(out.child(re, "lrm_rsc_op"), op.attributes());
                    }
                }
            }
        }
    }
}
