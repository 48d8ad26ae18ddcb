package io.vigil.shell.crm.command;

/**
 * {@code crm resource ACTION RSC …}: cleanup [RSC [NODE]], move RSC NODE, ban RSC NODE, clear RSC,
 * start RSC, stop RSC, status [RSC], failcount RSC show|delete NODE. Unused fields are null.
 */
public record ResourceCommand(Action action, String rsc, String node, String lifetime) implements CrmCommand {

    /** crm resource's actions this command supports. */
    public enum Action { CLEANUP, MOVE, BAN, CLEAR, START, STOP, STATUS, FAILCOUNT_SHOW, FAILCOUNT_DELETE }
}
