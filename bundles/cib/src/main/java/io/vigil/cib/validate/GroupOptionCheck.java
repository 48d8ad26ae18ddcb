package io.vigil.cib.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;

/**
 * A group's {@code ordered} or {@code collocated} meta attribute set to false is deprecated in Pacemaker 2.1
 * (crm_verify warns): a group whose members are not ordered or not together is a resource set. A group inherits
 * the option from its clone and from rsc_defaults, as Pacemaker merges meta attributes.
 */
final class GroupOptionCheck implements Check {

    private static final List<String> DEPRECATED = List.of("ordered", "collocated");

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Map<String, String> defaults = cib.configuration().rscDefaults().unconditional();
        for (Resource top : cib.configuration().resources()) {
            Group g = top instanceof Group x ? x : top instanceof Clone c && c.child() instanceof Group x ? x : null;
            if (g == null) {
                continue;
            }
            // Pacemaker's order: the element's own attributes and meta, then a parent clone's meta, then defaults.
            Map<String, String> meta = new LinkedHashMap<>(g.otherAttributes());
            g.meta().forEach(meta::putIfAbsent);
            if (top != g) {
                top.meta().forEach(meta::putIfAbsent);
            }
            defaults.forEach(meta::putIfAbsent);
            for (String option : DEPRECATED) {
                if (Truth.parse(meta.get(option)).map(b -> !b).orElse(false)) {
                    problems.add(Problem.warning("group", g.id(), option, option + "=" + meta.get(option)
                            + (top != g && !g.meta().containsKey(option) ? " (inherited from clone '" + top.id() + "')" : "")
                            + " is deprecated for groups (Pacemaker will drop it); remove it and express the relation "
                            + "with a resource set in an order or colocation constraint instead"));
                }
            }
        }
    }
}
