package io.vigil.cib.model;

import java.util.List;

/** A tag: a name for a list of resources (obj_ref ids) usable in constraints. */
public record Tag(String id, List<String> refs) {
    public Tag {
        refs = Lists.copy(refs);
    }
}
