package io.vigil.shell.cluster;

import io.vigil.cib.manager.api.CibService;

/** Lets the crm_* tools share pcs's restart (stop, wait, start). */
public final class RestartAccess {

    private RestartAccess() {
    }

    public static String restart(CibService cib, String resource, long waitSeconds) throws InterruptedException {
        return Restart.run(cib, resource, null, waitSeconds);
    }
}
