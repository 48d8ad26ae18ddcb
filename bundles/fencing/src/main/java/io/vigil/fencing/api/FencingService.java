package io.vigil.fencing.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Fences nodes with the fence devices and topology configured in the CIB. */
@ProviderType
public interface FencingService {

    /**
     * Fences {@code target}: tries the fencing levels in order (all devices of a level must succeed), or, without
     * a topology for the target, each device able to fence it, with the devices' delays, timeouts and retries.
     * Completes with the event recorded in the history; never exceptionally.
     */
    CompletionStage<FenceEvent> fence(String target, String action);

    /** The cluster's fence history, oldest first. */
    List<FenceEvent> history();
}
