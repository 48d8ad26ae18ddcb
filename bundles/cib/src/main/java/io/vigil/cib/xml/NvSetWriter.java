package io.vigil.cib.xml;

import org.w3c.dom.Element;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;

/** Writes attribute sets. */
final class NvSetWriter {
    private final XmlOut out;
    private final RuleWriter rules;

    NvSetWriter(XmlOut out) {
        this.out = out;
        this.rules = new RuleWriter(out);
    }

    void writeAll(Element parent, String tag, AttributeSets sets) {
        for (NvSet s : sets.sets()) {
            write(parent, tag, s);
        }
    }

    void write(Element parent, String tag, NvSet s) {
        Element e = out.child(parent, tag);
        out.attr(e, "id", s.id()).attr(e, "id-ref", s.idRef()).attr(e, "score", s.score());
        if (s.rule() != null) {
            rules.write(e, s.rule());
        }
        for (Nvpair p : s.pairs()) {
            Element n = out.child(e, "nvpair");
            out.attr(n, "id", p.id()).attr(n, "id-ref", p.idRef()).attr(n, "name", p.name()).attr(n, "value", p.value());
        }
    }
}
