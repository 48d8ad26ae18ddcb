package io.vigil.controller.internal;

import java.util.Optional;

import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;

/** Answers about configured resources by instance name ({@code rsc} or clone instance {@code rsc:2}). */
final class ResourceLookup {

    private ResourceLookup() {
    }

    static String baseId(String instance) {
        int colon = instance.indexOf(':');
        return colon < 0 ? instance : instance.substring(0, colon);
    }

    static Optional<Primitive> primitive(Configuration c, String instance) {
        return c.resource(baseId(instance)).filter(r -> r instanceof Primitive).map(r -> (Primitive) r);
    }

    /**
     * The id a node records an instance's operations under: as Pacemaker, the bare primitive id for an instance of
     * an anonymous clone (instances are interchangeable, and which number a node's copy got may change from one
     * transition to the next), the numbered id for a globally-unique clone.
     */
    static String historyId(Configuration c, String instance) {
        if (!instance.contains(":")) {
            return instance;
        }
        String id = baseId(instance);
        for (Resource top : c.resources()) {
            if (top instanceof Clone clone && contains(clone.child(), id)) {
                boolean unique = clone.metaAttributes().get("globally-unique").map(Truth::isTrue)
                        .orElseGet(() -> c.rscDefaults().get("globally-unique").map(Truth::isTrue).orElse(false));
                return unique ? instance : id;
            }
        }
        return instance;
    }

    /** Whether at most one copy of the resource may run in the cluster (a primitive that is not in a clone). */
    static boolean exclusive(Configuration c, String instance) {
        if (instance.contains(":")) {
            return false;
        }
        String id = baseId(instance);
        for (Resource top : c.resources()) {
            if (top instanceof Clone clone && contains(clone.child(), id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(Resource r, String id) {
        if (r.id().equals(id)) {
            return true;
        }
        if (r instanceof Group g) {
            return g.members().stream().anyMatch(m -> contains(m, id));
        }
        if (r instanceof Clone c) {
            return contains(c.child(), id);
        }
        return false;
    }

    /** The exit code a recurring monitor expects: 8 for a monitor of the promoted role, else 0. */
    static int monitorTargetRc(Configuration c, String instance, long intervalMs) {
        return primitive(c, instance).flatMap(p -> p.operations().stream()
                .filter(o -> "monitor".equals(o.name()) && o.intervalMs() == intervalMs).findFirst())
                .map(Operation::role).filter(role -> "Promoted".equals(role) || "Master".equals(role))
                .map(role -> 8).orElse(0);
    }
}
