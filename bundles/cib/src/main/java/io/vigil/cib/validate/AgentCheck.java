package io.vigil.cib.validate;

import java.util.List;
import java.util.Map;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;

/** Instance attributes must be parameters the agent declares, and required ones must be set. */
final class AgentCheck implements Check {

    private final AgentCatalog catalog;

    AgentCheck(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        for (Resource r : cib.configuration().allResources().values()) {
            if (!(r instanceof Primitive p) || p.type() == null || p.standard() == null) {
                continue;
            }
            var parameters = catalog.lookup(p.standard(), p.provider(), p.type());
            if (parameters.isEmpty()) {
                problems.add(Problem.warning("primitive", p.id(), "type", "agent " + p.agent()
                        + " is not installed on this node; its parameters were not checked"));
                continue;
            }
            AgentParameters declared = parameters.get();
            for (NvSet set : p.instanceAttributes().sets()) {
                for (Nvpair pair : set.pairs()) {
                    if (pair.name() != null && declared.find(pair.name()).isEmpty() && !pair.name().startsWith("pcmk_")) {
                        String hint = EditDistance.nearest(pair.name(),
                                declared.parameters().stream().map(AgentParameters.Parameter::name).toList())
                                .map(s -> "; did you mean '" + s + "'?").orElse("");
                        problems.add(Problem.error("primitive", p.id(), pair.name(), "agent " + p.agent()
                                + " has no parameter '" + pair.name() + "'" + hint));
                    }
                }
            }
            Map<String, String> given = p.instanceAttributes().unconditional();
            for (AgentParameters.Parameter param : declared.parameters()) {
                if (param.required() && !given.containsKey(param.name()) && !p.instanceAttributes().mentions(param.name())) {
                    problems.add(Problem.error("primitive", p.id(), param.name(), "agent " + p.agent()
                            + " requires parameter '" + param.name() + "'; add it to the instance attributes"));
                }
            }
        }
    }
}
