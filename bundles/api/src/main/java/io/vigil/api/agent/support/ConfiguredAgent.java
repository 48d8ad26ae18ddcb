package io.vigil.api.agent.support;

import java.io.IOException;
import java.util.function.Function;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;

/**
 * The dispatch every Java agent repeats: {@code meta-data} answered from the metadata without looking at the
 * parameters; every other action first checks the parameters into a configuration {@code C} (or an error result
 * that names the parameter, so {@code validate-all} and every action reject the same bad input the same way),
 * then runs; an exception becomes an {@link OcfExitCode#ERR_GENERIC} result naming the action and the resource,
 * as the SPI's never-throw rule asks, and an interruption (the executor's timeout) keeps the thread's flag.
 *
 * @param <C> the checked parameters of one request
 */
public abstract class ConfiguredAgent<C> implements ResourceAgent {

    private final AgentMetadata metadata;
    private final Function<ActionRequest, Object> validator;

    /** An agent that overrides {@link #configure}. */
    protected ConfiguredAgent(AgentMetadata metadata) {
        this(metadata, r -> {
            throw new UnsupportedOperationException("configure is not implemented");
        });
    }

    /**
     * An agent whose parameters a (typically static, separately tested) function checks.
     *
     * @param validator returns the configuration {@code C}, or an {@link AgentResult} error naming the parameter
     */
    protected ConfiguredAgent(AgentMetadata metadata, Function<ActionRequest, Object> validator) {
        this.metadata = metadata;
        this.validator = validator;
    }

    @Override
    public final AgentMetadata metadata() {
        return metadata;
    }

    @Override
    public final AgentResult execute(ActionRequest request) {
        if (request.action() == AgentAction.META_DATA) {
            return AgentResult.of(OcfExitCode.SUCCESS, metadata.toXml());
        }
        try {
            Object checked = configure(request);
            if (checked instanceof AgentResult error) {
                return error;
            }
            @SuppressWarnings("unchecked")
            C config = (C) checked;
            return perform(request, config, System.nanoTime() + request.timeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of " + request.resourceId()
                    + " interrupted");
        } catch (IOException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of " + request.resourceId()
                    + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of " + request.resourceId()
                    + " failed: " + e);
        }
    }

    /**
     * Checks the request's parameters without side effects.
     *
     * @return the configuration {@code C}, or an {@link AgentResult} error naming the bad parameter
     */
    protected Object configure(ActionRequest request) {
        return validator.apply(request);
    }

    /**
     * Runs an action other than {@code meta-data} with checked parameters.
     *
     * @param deadline {@link System#nanoTime()} by which the action must be done (its timeout)
     */
    protected abstract AgentResult perform(ActionRequest request, C config, long deadline)
            throws IOException, InterruptedException;

    /** The answer to an action this agent does not implement. */
    protected final AgentResult unimplemented(ActionRequest request) {
        return AgentResult.error(OcfExitCode.ERR_UNIMPLEMENTED, metadata.name() + " does not implement "
                + request.action().ocfName());
    }
}
