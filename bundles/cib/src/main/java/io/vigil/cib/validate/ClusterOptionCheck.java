package io.vigil.cib.validate;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.ClusterOption;
import io.vigil.cib.model.ClusterOptions;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;

/**
 * Cluster options must be known and well-typed. An unknown name is only advice (INFO) in a loaded document
 * (Pacemaker ignores it, and tools store their own data there) but an error in a change ({@code strictNames}).
 */
final class ClusterOptionCheck implements Check {

    private final boolean strictNames;

    ClusterOptionCheck(boolean strictNames) {
        this.strictNames = strictNames;
    }

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        List<String> names = ClusterOptions.all().stream().map(ClusterOption::name).collect(Collectors.toList());
        for (NvSet set : cib.configuration().crmConfig()) {
            for (Nvpair p : set.pairs()) {
                if (p.name() == null) {
                    continue;
                }
                var option = ClusterOptions.find(p.name());
                if (option.isEmpty()) {
                    String hint = EditDistance.nearest(p.name(), names).map(s -> "; did you mean '" + s + "'?")
                            .orElse("; see the cluster options in the documentation");
                    String msg = "'" + p.name() + "' is not a cluster option" + hint;
                    problems.add(strictNames ? Problem.error("cluster_property_set", set.id(), p.name(), msg)
                            : Problem.info("cluster_property_set", set.id(), p.name(), msg));
                    continue;
                }
                option.get().check(p.value()).ifPresent(m -> problems.add(
                        Problem.error("cluster_property_set", set.id(), p.name(), m)));
            }
        }
        var props = cib.configuration().properties();
        if ("suicide".equalsIgnoreCase(props.noQuorumPolicy()) && !props.stonithEnabled()) {
            // Pacemaker then falls back to 'stop': the configured policy cannot take effect.
            problems.add(Problem.error("cluster_property_set", null, "no-quorum-policy", "'suicide' needs fencing, "
                    + "but stonith-enabled=false (Pacemaker falls back to 'stop'); enable fencing or choose 'stop'"));
        }
        if ("poweroff".equals(cib.configuration().properties().stonithAction())) {
            problems.add(Problem.warning("cluster_property_set", null, "stonith-action",
                    "'poweroff' is deprecated; use 'off'"));
        }
        if (!cib.configuration().properties().bool("startup-fencing")) {
            problems.add(Problem.info("cluster_property_set", null, "startup-fencing",
                    "startup-fencing=false: nodes never seen are assumed down without fencing (blind faith)"));
        }
    }
}
