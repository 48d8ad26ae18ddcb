package io.vigil.api.agent;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the executor tells an agent about the node it runs on. Implemented by the executor, never by agents.
 */
@ProviderType
public interface AgentEnvironment {

    /** The name of the node the action runs on ({@code OCF_RESKEY_CRM_meta_on_node}). */
    String nodeName();

    /**
     * A directory private to this node where agents keep runtime state ({@code HA_RSCTMP}); it exists and is
     * writable. Its content does not survive a reboot of the node.
     */
    Path runDirectory();
}
