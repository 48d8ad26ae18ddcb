package io.vigil.cib.model;

import java.util.List;
import java.util.Map;

/**
 * A primitive resource: {@code standard} is Pacemaker's "class" (ocf, lsb, systemd, stonith, service).
 * Fencing devices are primitives of class stonith. {@code operationsId} keeps the id of the operations element, {@code operationsIdRef} its unresolved
 * id-ref (operations defined elsewhere; reported as unsupported).
 */
public record Primitive(String id, String description, String standard, String provider, String type,
                        Map<String, String> otherAttributes, AttributeSets instanceAttributes,
                        AttributeSets metaAttributes, AttributeSets utilization, String operationsId, String operationsIdRef,
                        List<Operation> operations) implements Resource {

    public Primitive {
        otherAttributes = Lists.copy(otherAttributes);
        instanceAttributes = instanceAttributes == null ? AttributeSets.EMPTY : instanceAttributes;
        metaAttributes = metaAttributes == null ? AttributeSets.EMPTY : metaAttributes;
        utilization = utilization == null ? AttributeSets.EMPTY : utilization;
        operations = Lists.copy(operations);
    }

    public boolean isFencingDevice() {
        return "stonith".equals(standard);
    }

    /** "ocf:heartbeat:Dummy", "stonith:fence_xvm", "lsb:foo". */
    public String agent() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }

    @Override
    public List<Resource> flatten() {
        return List.of(this);
    }
}
