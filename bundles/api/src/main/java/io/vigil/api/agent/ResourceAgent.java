package io.vigil.api.agent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A resource agent: the OCF 1.1 contract as an OSGi service. An agent bundle registers one service per agent type
 * with the properties {@link #AGENT_CLASS}, {@link #AGENT_PROVIDER} (OCF only) and {@link #AGENT_TYPE}; the
 * executor looks agents up by these properties, so installing or removing the bundle at runtime adds or removes
 * the type.
 *
 * <p>Contract:
 * <ul>
 * <li><b>Never throw.</b> Every outcome, including bad parameters and unexpected failures, is an
 * {@link AgentResult}. The executor turns an exception into an error result anyway, but an agent that throws is a
 * defective agent.</li>
 * <li><b>Idempotent.</b> {@code start} on a running resource and {@code stop} on a stopped one succeed.</li>
 * <li><b>Monitor</b> returns {@link OcfExitCode#SUCCESS} when running, {@link OcfExitCode#NOT_RUNNING} when cleanly
 * stopped, {@link OcfExitCode#RUNNING_PROMOTED} when running promoted, and a failure code when broken.</li>
 * <li><b>Threading.</b> The executor serializes actions per resource instance but runs different instances of the
 * same type concurrently, so implementations keep per-instance state keyed by
 * {@link ActionRequest#resourceId()} (or in files) and are otherwise thread-safe.</li>
 * <li><b>Timeouts.</b> The executor enforces {@link ActionRequest#timeout()} and interrupts the calling thread
 * when it expires; blocking code should respond to interruption. Agents that run external processes must do so
 * through means that allow the whole process tree to be killed.</li>
 * <li>Unsupported actions return {@link OcfExitCode#ERR_UNIMPLEMENTED}.</li>
 * </ul>
 */
@ConsumerType
public interface ResourceAgent {

    /** Service property: the resource class, e.g. {@code ocf} or {@code lsb}. */
    String AGENT_CLASS = "agent.class";
    /** Service property: the OCF provider, e.g. {@code heartbeat}; absent for other classes. */
    String AGENT_PROVIDER = "agent.provider";
    /** Service property: the agent type, e.g. {@code IPaddr2}. */
    String AGENT_TYPE = "agent.type";

    /** The agent's meta-data. Cheap and constant for the life of the service. */
    AgentMetadata metadata();

    /** Performs one action and reports its outcome. Never throws. */
    AgentResult execute(ActionRequest request);
}
