package io.vigil.executor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about operation results. For recurring monitors the executor reports the first result and then only
 * results that differ from the previous one (as Pacemaker's executor does), so a healthy monitor is silent.
 * Called on executor threads; must return quickly and not throw.
 */
@ConsumerType
@FunctionalInterface
public interface OperationListener {

    void operationCompleted(OperationResult result);
}
