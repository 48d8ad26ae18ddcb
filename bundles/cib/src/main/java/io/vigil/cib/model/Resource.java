package io.vigil.cib.model;

import java.util.List;
import java.util.Map;

/** A configured resource: primitive, group or clone (promotable or not). */
public sealed interface Resource permits Primitive, Group, Clone {

    String id();

    String description();

    AttributeSets metaAttributes();

    AttributeSets instanceAttributes();

    /** Attributes without a field of their own, kept for a lossless round trip. */
    Map<String, String> otherAttributes();

    /** This resource and every resource inside it, depth first, in document order. */
    List<Resource> flatten();

    /** The unconditional merged meta attributes. */
    default Map<String, String> meta() {
        return metaAttributes().unconditional();
    }
}
