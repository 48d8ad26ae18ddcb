package io.vigil.shell.crm.command;

/** A parsed crm command line: a configure command, a resource/node action, an agent query or a script. */
public sealed interface CrmCommand permits ConfigureCommand, ResourceCommand, NodeCommand, RaCommand,
        CrmCommand.Script, CrmCommand.Help {

    /** {@code crm -f FILE}: the file's lines, run as one atomic change. */
    record Script(String file) implements CrmCommand {
    }

    /** {@code crm help [TOPIC]} (or {@code crm} alone). */
    record Help(String topic) implements CrmCommand {
    }
}
