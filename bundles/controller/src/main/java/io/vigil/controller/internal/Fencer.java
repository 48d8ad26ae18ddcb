package io.vigil.controller.internal;

import java.util.concurrent.CompletionStage;

/** How the DC fences a node: completes true when the node is confirmed off, false when fencing failed. */
@FunctionalInterface
interface Fencer {

    /** A fencer for a cluster without fencing devices: every request fails. */
    Fencer NONE = (node, action) -> java.util.concurrent.CompletableFuture.completedFuture(false);

    CompletionStage<Boolean> fence(String node, String action);
}
