package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.Tag;

/** Reads tags. */
final class TagReader {
    private static final String SECTION = "tags";
    private final ImportContext ctx;

    TagReader(ImportContext ctx) {
        this.ctx = ctx;
    }

    List<Tag> readSection(Element tags) {
        List<Tag> out = new ArrayList<>();
        for (Element e : Dom.children(tags)) {
            if (!e.getTagName().equals("tag")) {
                ctx.unsupportedElement(e, SECTION, "unknown element in tags");
                continue;
            }
            List<String> refs = new ArrayList<>();
            for (Element r : Dom.children(e)) {
                if (r.getTagName().equals("obj_ref") && r.hasAttribute("id")) {
                    refs.add(r.getAttribute("id"));
                } else {
                    ctx.unsupportedElement(r, SECTION, "unexpected element in tag");
                }
            }
            out.add(new Tag(e.hasAttribute("id") ? e.getAttribute("id") : null, refs));
        }
        return out;
    }
}
