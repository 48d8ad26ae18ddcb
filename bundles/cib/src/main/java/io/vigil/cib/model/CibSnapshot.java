package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable CIB: version, the other cib root attributes (validate-with, have-quorum, dc-uuid,
 * crm_feature_set, ...), configuration and status. The entry point of the model.
 */
public record CibSnapshot(CibVersion version, Map<String, String> attributes, Configuration configuration,
                          Status status) {

    public CibSnapshot {
        version = version == null ? CibVersion.ZERO : version;
        attributes = Lists.copy(attributes);
        configuration = configuration == null ? Configuration.EMPTY : configuration;
        status = status == null ? Status.EMPTY : status;
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** have-quorum on the cib root (false when absent, as Pacemaker assumes). */
    public boolean haveQuorum() {
        return Truth.isTrue(attributes.get("have-quorum"));
    }

    public Optional<String> dcUuid() {
        return attribute("dc-uuid");
    }

    /** Every unsupported report of configuration and status. */
    public List<Unsupported> unsupported() {
        List<Unsupported> all = new ArrayList<>(configuration.unsupported());
        all.addAll(status.unsupported());
        return List.copyOf(all);
    }

    public CibSnapshot withVersion(CibVersion v) {
        return new CibSnapshot(v, attributes, configuration, status);
    }

    public CibSnapshot withConfiguration(Configuration c) {
        return new CibSnapshot(version, attributes, c, status);
    }

    public CibSnapshot withStatus(Status s) {
        return new CibSnapshot(version, attributes, configuration, s);
    }

    public CibSnapshot withAttributes(Map<String, String> a) {
        return new CibSnapshot(version, a, configuration, status);
    }
}
