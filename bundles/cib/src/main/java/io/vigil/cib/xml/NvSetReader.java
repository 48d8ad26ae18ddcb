package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.Rule;

/** Reads attribute sets (instance_attributes, meta_attributes, utilization, cluster_property_set). */
final class NvSetReader {
    private final ImportContext ctx;
    private final RuleReader rules;

    NvSetReader(ImportContext ctx) {
        this.ctx = ctx;
        this.rules = new RuleReader(ctx);
    }

    NvSet read(Element e, String section) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String idRef = a.get("id-ref");
        if (idRef != null) {
            ctx.unsupportedFeature(e.getTagName(), idRef, section, "id-ref to another attribute set is kept but not resolved");
        }
        var score = ctx.score(a.get("score"), e.getTagName(), id, "score");
        ctx.unknownAttributes(e, a.rest(), section);
        Rule rule = null;
        List<Nvpair> pairs = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            switch (c.getTagName()) {
                case "nvpair" -> pairs.add(pair(c, section));
                case "rule" -> {
                    if (rule == null) {
                        rule = rules.read(c, section);
                    } else {
                        ctx.unsupportedElement(c, section, "only one rule per attribute set is supported");
                    }
                }
                default -> ctx.unsupportedElement(c, section, "unexpected element in " + e.getTagName());
            }
        }
        return new NvSet(id, idRef, score, rule, pairs);
    }

    private Nvpair pair(Element c, String section) {
        XmlAttrs a = new XmlAttrs(c);
        Nvpair p = new Nvpair(a.get("id"), a.get("name"), a.get("value"), a.get("id-ref"));
        if (p.idRef() != null) {
            ctx.unsupportedFeature("nvpair", p.idRef(), section, "id-ref to another nvpair is kept but not resolved");
        }
        ctx.unknownAttributes(c, a.rest(), section);
        return p;
    }

    /** All children of {@code parent} named {@code tag}. */
    AttributeSets readAll(List<Element> elements, String section) {
        List<NvSet> sets = new ArrayList<>();
        for (Element e : elements) {
            sets.add(read(e, section));
        }
        return new AttributeSets(sets);
    }
}
