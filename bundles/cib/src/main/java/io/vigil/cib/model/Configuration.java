package io.vigil.cib.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configuration section. Lists are in document order. */
public record Configuration(List<NvSet> crmConfig, List<Node> nodes, List<Resource> resources,
                            List<Constraint> constraints, AttributeSets rscDefaults, AttributeSets opDefaults,
                            List<FencingLevel> fencingTopology, List<Tag> tags, List<Unsupported> unsupported) {

    public static final Configuration EMPTY = new Configuration(null, null, null, null, null, null, null, null, null);

    public Configuration {
        crmConfig = Lists.copy(crmConfig);
        nodes = Lists.copy(nodes);
        resources = Lists.copy(resources);
        constraints = Lists.copy(constraints);
        rscDefaults = rscDefaults == null ? AttributeSets.EMPTY : rscDefaults;
        opDefaults = opDefaults == null ? AttributeSets.EMPTY : opDefaults;
        fencingTopology = Lists.copy(fencingTopology);
        tags = Lists.copy(tags);
        unsupported = Lists.copy(unsupported);
    }

    public ClusterProperties properties() {
        return new ClusterProperties(crmConfig);
    }

    /** Every resource at any depth (clone, its group, the group's primitives ...), by id, document order. */
    public Map<String, Resource> allResources() {
        Map<String, Resource> all = new LinkedHashMap<>();
        for (Resource r : resources) {
            for (Resource x : r.flatten()) {
                all.putIfAbsent(x.id(), x);
            }
        }
        return all;
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(allResources().get(id));
    }

    public Optional<Node> nodeByName(String uname) {
        return nodes.stream().filter(n -> uname.equals(n.uname())).findFirst();
    }

    public List<Primitive> fencingDevices() {
        return allResources().values().stream().filter(r -> r instanceof Primitive p && p.isFencingDevice())
                .map(r -> (Primitive) r).toList();
    }

    public Configuration withCrmConfig(List<NvSet> v) {
        return new Configuration(v, nodes, resources, constraints, rscDefaults, opDefaults, fencingTopology, tags, unsupported);
    }

    public Configuration withNodes(List<Node> v) {
        return new Configuration(crmConfig, v, resources, constraints, rscDefaults, opDefaults, fencingTopology, tags, unsupported);
    }

    public Configuration withResources(List<Resource> v) {
        return new Configuration(crmConfig, nodes, v, constraints, rscDefaults, opDefaults, fencingTopology, tags, unsupported);
    }

    public Configuration withConstraints(List<Constraint> v) {
        return new Configuration(crmConfig, nodes, resources, v, rscDefaults, opDefaults, fencingTopology, tags, unsupported);
    }

    public Configuration withRscDefaults(AttributeSets v) {
        return new Configuration(crmConfig, nodes, resources, constraints, v, opDefaults, fencingTopology, tags, unsupported);
    }

    public Configuration withOpDefaults(AttributeSets v) {
        return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, v, fencingTopology, tags, unsupported);
    }

    public Configuration withFencingTopology(List<FencingLevel> v) {
        return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, opDefaults, v, tags, unsupported);
    }

    public Configuration withTags(List<Tag> v) {
        return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, opDefaults, fencingTopology, v, unsupported);
    }
}
