package io.vigil.quorum.internal;

import io.vigil.quorum.api.QuorumService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code quorum status} (scope vigil; the function takes the subcommand). */
@Component(service = QuorumCommand.class,
        property = {"osgi.command.scope=vigil", "osgi.command.function=quorum"})
public final class QuorumCommand {
    private final QuorumService quorum;

    @Activate
    public QuorumCommand(@Reference QuorumService quorum) {
        this.quorum = quorum;
    }

    /** {@code quorum} alone shows the status too. */
    public String quorum() {
        return quorum("status");
    }

    public String quorum(String subcommand) {
        if ("status".equals(subcommand)) {
            return QuorumStatusFormatter.format(quorum.state());
        }
        throw new IllegalArgumentException("unknown quorum subcommand: " + subcommand + " (known: status)");
    }
}
