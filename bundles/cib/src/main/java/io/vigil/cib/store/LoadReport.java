package io.vigil.cib.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.vigil.cib.model.CibSnapshot;

/**
 * What {@link CibStore#load()} did: the snapshot it loaded (empty when the store is new or nothing good was
 * left), the file it came from, whether it had to fall back to a backup, and one line per step.
 */
public record LoadReport(Optional<CibSnapshot> snapshot, Path source, boolean fellBack, List<String> steps) {

    public LoadReport {
        steps = List.copyOf(steps);
    }
}
