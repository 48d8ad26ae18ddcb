package io.vigil.shell.crm.command;

/** {@code crm ra list CLASS[:PROVIDER]} (agent = the class filter) or {@code crm ra info AGENT}. */
public record RaCommand(boolean info, String standard, String provider, String agent) implements CrmCommand {
}
