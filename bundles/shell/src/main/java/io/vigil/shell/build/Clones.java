package io.vigil.shell.build;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Resource;

/** Clones and promotable clones around a primitive or group; the default id is {@code CHILD-clone} as in pcs. */
public final class Clones {

    private Clones() {
    }

    public static Clone of(Resource child, String cloneId, Map<String, String> meta, boolean promotable) {
        String id = cloneId != null ? cloneId : child.id() + "-clone";
        Map<String, String> m = new LinkedHashMap<>();
        if (promotable) {
            m.put("promotable", "true");
        }
        m.putAll(meta);
        return new Clone(id, null, Map.of(), null, AttributeEdits.sets(id + "-meta_attributes", m), false, child);
    }
}
