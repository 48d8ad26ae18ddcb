package io.vigil.shell.cluster;

import java.util.List;

/** Seed 002's pcs lines for tests in other packages. */
public final class CrmMonSeed002TestAccess {

    private CrmMonSeed002TestAccess() {
    }

    public static List<String> seed() {
        return CrmMonSeed002Test.SEED_002;
    }
}
