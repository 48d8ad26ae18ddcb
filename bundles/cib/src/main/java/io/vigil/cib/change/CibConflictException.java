package io.vigil.cib.change;

import io.vigil.cib.CibException;
import io.vigil.cib.model.CibVersion;

/** A change was based on an older version than the current one; re-read and retry. */
public class CibConflictException extends CibException {
    private static final long serialVersionUID = 1L;

    public CibConflictException(CibVersion base, CibVersion current) {
        super("change is based on version " + base + " but the CIB is at " + current
                + "; re-read the CIB and apply the change again", null);
    }
}
