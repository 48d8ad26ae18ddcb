package io.vigil.shell.crm.translate;

/** A crm command that parses but does not fit the CIB (unknown resource, id in use …); names the object. */
public class CrmConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CrmConfigException(String message) {
        super(message);
    }
}
