package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of one node: membership and join state (in_ccm, crmd, join, expected and any other node_state
 * attribute, kept in {@code attributes}), transient attributes and the operation history.
 * {@code transientId} / {@code lrmId} keep the ids of the transient_attributes and lrm elements (null = absent).
 */
public record NodeState(String id, String uname, Map<String, String> attributes, String transientId,
                        List<NvSet> transientAttributes, String lrmId, List<LrmResource> lrmResources) {

    public NodeState {
        attributes = Lists.copy(attributes);
        transientAttributes = Lists.copy(transientAttributes);
        lrmResources = Lists.copy(lrmResources);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** in_ccm: "true" or, since Pacemaker 2.1.7, a timestamp. */
    public boolean inCcm() {
        String v = attributes.get("in_ccm");
        return v != null && (Truth.isTrue(v) || v.trim().matches("[1-9]\\d*"));
    }

    /** crmd "online" (or a timestamp in newer versions) means the controller is up. */
    public boolean crmdOnline() {
        String v = attributes.get("crmd");
        return v != null && ("online".equals(v) || v.trim().matches("[1-9]\\d*"));
    }

    public String join() {
        return attributes.get("join");
    }

    public String expected() {
        return attributes.get("expected");
    }

    /** The merged transient attributes (pingd, fail counts, master scores ...). */
    public Map<String, String> transientValues() {
        return new AttributeSets(transientAttributes).unconditional();
    }

    public List<FailCount> failCounts() {
        return parse(FailCount.FAIL_COUNT);
    }

    public List<FailCount> lastFailures() {
        return parse(FailCount.LAST_FAILURE);
    }

    private List<FailCount> parse(String prefix) {
        List<FailCount> out = new ArrayList<>();
        transientValues().forEach((k, v) -> FailCount.parse(prefix, k, v).ifPresent(out::add));
        return List.copyOf(out);
    }

    public Optional<LrmResource> lrmResource(String id) {
        return lrmResources.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
