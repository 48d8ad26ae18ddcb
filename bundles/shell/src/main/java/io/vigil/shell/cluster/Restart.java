package io.vigil.shell.cluster;

import java.util.List;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Resource;
import io.vigil.shell.build.CibApply;

/**
 * {@code pcs resource restart} / {@code crm_resource --restart}: stop (target-role=Stopped), wait until no instance
 * is active, then put the target-role back as it was. Two commits by nature; if the wait times out, the resource
 * is left stopped and the message says how to start it.
 */
final class Restart {

    private Restart() {
    }

    static String run(CibService cib, String id, String node, long waitSeconds) throws InterruptedException {
        CibSnapshot s = cib.current();
        Resource r = s.configuration().resource(id).orElseThrow(() -> new IllegalArgumentException("resource '" + id
                + "' does not exist"));
        if (node != null) {
            throw new IllegalArgumentException("restarting '" + id + "' on one node only is not supported; restart "
                    + "it everywhere (pcs resource restart " + id + ")");
        }
        String before = r.meta().get("target-role");
        CibApply.apply(cib, List.of(new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, id, "target-role",
                "Stopped")));
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (active(cib.current(), r)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("'" + id + "' did not stop within " + waitSeconds + " s; it is left "
                        + "with target-role=Stopped ('pcs resource enable " + id + "' starts it again)");
            }
            Thread.sleep(200); // polled with a deadline: the CIB has no stop notification for one resource
        }
        CibApply.apply(cib, List.of(before == null
                ? new CibChange.UnsetAttribute(AttributeTarget.RESOURCE_META, id, "target-role")
                : new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, id, "target-role", before)));
        return id + " successfully restarted";
    }

    private static boolean active(CibSnapshot s, Resource r) {
        List<String> ids = r.flatten().stream().map(Resource::id).toList();
        return ResourceStates.active(s).stream().anyMatch(a -> ids.contains(a.resource().replaceFirst(":.*$", "")));
    }
}
