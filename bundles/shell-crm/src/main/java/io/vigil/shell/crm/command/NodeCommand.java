package io.vigil.shell.crm.command;

/**
 * {@code crm node standby|online NODE} and {@code crm node attribute NODE set|delete|show NAME [VALUE]}.
 * Unused fields are null.
 */
public record NodeCommand(Action action, String node, String name, String value) implements CrmCommand {

    /** crm node's actions this command supports. */
    public enum Action { STANDBY, ONLINE, ATTRIBUTE_SET, ATTRIBUTE_DELETE, ATTRIBUTE_SHOW }
}
