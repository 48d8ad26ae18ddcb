package io.vigil.fencing.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Identical requests under way share one outcome: a second request to fence a target while the first still runs
 * joins it instead of powering the target off twice (Pacemaker's fencer merges them too). Thread-safe.
 */
final class MergedRequests<K, V> {

    private final Map<K, CompletableFuture<V>> underWay = new ConcurrentHashMap<>();

    /**
     * The outcome of the request under way for {@code key}, or of a new one started by {@code start}; {@code merged}
     * runs when the request joined one under way.
     */
    CompletableFuture<V> submit(K key, Supplier<CompletableFuture<V>> start, Runnable merged) {
        CompletableFuture<V> placeholder = new CompletableFuture<>();
        CompletableFuture<V> running = underWay.putIfAbsent(key, placeholder);
        if (running != null) {
            merged.run();
            return running;
        }
        placeholder.whenComplete((v, e) -> underWay.remove(key, placeholder));
        try {
            start.get().whenComplete((v, e) -> {
                if (e != null) {
                    placeholder.completeExceptionally(e);
                } else {
                    placeholder.complete(v);
                }
            });
        } catch (RuntimeException e) {
            placeholder.completeExceptionally(e);
        }
        return placeholder;
    }
}
