package io.vigil.cib.model;

/**
 * Something Vigil reads but does not act on (bundle, template, rsc_ticket, acls, alerts, remote nodes, tickets,
 * unresolved id-refs). {@code section} says where it was found; {@code xml} keeps the original element when it
 * was taken out of the model, so the XML export can put it back (null when the object stays in the model).
 */
public record Unsupported(String element, String id, String section, String reason, String xml) {

    /** "bundle 'httpd-bundle' (resources): bundles are not supported". */
    public String describe() {
        return element + (id == null ? "" : " '" + id + "'") + " (" + section + "): " + reason;
    }
}
