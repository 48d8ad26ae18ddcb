package io.vigil.cib.model;

import java.util.List;
import java.util.Map;

/** A constraint: rsc_location, rsc_colocation or rsc_order. */
public sealed interface Constraint permits LocationConstraint, ColocationConstraint, OrderConstraint {

    String id();

    List<ResourceSet> resourceSets();

    /** Attributes without a field of their own (influence, lifetime, ...), kept for a lossless round trip. */
    Map<String, String> otherAttributes();

    /** Every resource id or tag the constraint names, directly or in sets (patterns excluded). */
    List<String> referencedResources();
}
