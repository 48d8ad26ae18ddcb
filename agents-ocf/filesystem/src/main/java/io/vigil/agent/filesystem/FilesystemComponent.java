package io.vigil.agent.filesystem;

import org.osgi.service.component.annotations.Component;

import io.vigil.api.agent.ResourceAgent;

/** Registers {@link FilesystemAgent} as {@code ocf:heartbeat:Filesystem}. */
@Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
    ResourceAgent.AGENT_PROVIDER + "=heartbeat", ResourceAgent.AGENT_TYPE + "=Filesystem"})
public final class FilesystemComponent extends FilesystemAgent {
}
