package io.vigil.shell.pcs;

/** pcs usage, per area, in pcs's own words where they exist. */
public final class PcsHelp {

    private PcsHelp() {
    }

    public static String usage(String area) {
        if (area == null) {
            return String.join("\n", "Usage: pcs COMMAND ... (pcs 0.10/0.11 syntax)",
                    "  property    set/unset cluster properties, show them",
                    "  resource    create, group, clone, update, move resources ...",
                    "  constraint  location, colocation and order constraints",
                    "  stonith     fencing devices, levels, fence, history",
                    "  node        standby, maintenance, attributes",
                    "  quorum      quorum status",
                    "  status      the cluster status [--full]",
                    "  config      the whole configuration",
                    "Reading commands take --output-as json. 'pcs AREA --help' for an area.");
        }
        return switch (area) {
            case "property" -> String.join("\n",
                    "pcs property [config [NAME]] [--output-as json]",
                    "pcs property set NAME=VALUE... [--force]   (NAME= unsets)",
                    "pcs property unset NAME...");
            case "resource" -> String.join("\n",
                    "pcs resource [status [ID]] | config [ID]",
                    "pcs resource create ID [STANDARD:[PROVIDER:]]TYPE [NAME=VALUE...] [op ACTION NAME=VALUE...]...",
                    "    [meta NAME=VALUE...] [clone [NAME=VALUE...] | promotable [NAME=VALUE...] | --group GROUP",
                    "    [--before ID | --after ID]] [--disabled] [--no-default-ops] [--force]",
                    "pcs resource delete|remove ID",
                    "pcs resource group add GROUP ID... [--before ID | --after ID] | group remove GROUP [ID...]",
                    "pcs resource ungroup GROUP [ID...]",
                    "pcs resource clone ID [NAME=VALUE...] | promotable ID [NAME=VALUE...] | unclone ID",
                    "pcs resource defaults [[update] NAME=VALUE...] | op defaults [[update] NAME=VALUE...]",
                    "pcs resource update ID [NAME=VALUE...] [op ACTION NAME=VALUE...]... [meta NAME=VALUE...]",
                    "pcs resource meta ID NAME=VALUE...",
                    "pcs resource enable|disable ID...",
                    "pcs resource move ID [NODE] [--promoted] [lifetime=DURATION] | ban ID [NODE] [--promoted]",
                    "    [lifetime=DURATION] | clear ID [NODE]",
                    "pcs resource cleanup|refresh [ID] [node=NODE]",
                    "pcs resource restart ID [NODE] [--wait=SECONDS]",
                    "pcs resource describe AGENT | agents [STANDARD[:PROVIDER]]");
            case "constraint" -> String.join("\n",
                    "pcs constraint [list|config] [--full]",
                    "pcs constraint location RSC prefers NODE[=SCORE]... | avoids NODE[=SCORE]...",
                    "pcs constraint location RSC rule [id=ID] [constraint-id=ID] [role=ROLE] [score=SCORE |",
                    "    score-attribute=ATTR] EXPRESSION   (e.g. not_defined pingd or pingd lte 0)",
                    "pcs constraint colocation add [ROLE] RSC with [ROLE] RSC [SCORE] [id=ID]",
                    "pcs constraint order [ACTION] RSC then [ACTION] RSC [kind=Mandatory|Optional|Serialize]",
                    "    [symmetrical=true|false] [id=ID]",
                    "pcs constraint remove ID...");
            case "stonith" -> String.join("\n",
                    "pcs stonith [status] | config",
                    "pcs stonith create ID AGENT [NAME=VALUE...] [op ACTION NAME=VALUE...] [meta NAME=VALUE...]",
                    "pcs stonith delete ID",
                    "pcs stonith level [config] | level add LEVEL TARGET DEVICE[,DEVICE]... | level remove LEVEL",
                    "    [TARGET] | level clear",
                    "pcs stonith fence NODE [--off]",
                    "pcs stonith history [show [NODE]]");
            case "node" -> String.join("\n",
                    "pcs node standby|unstandby [NODE...|--all]",
                    "pcs node maintenance|unmaintenance [NODE...|--all]",
                    "pcs node attribute [NODE [--name NAME] | NODE NAME=VALUE...]   (NAME= removes)");
            case "quorum" -> "pcs quorum [status]";
            case "status" -> "pcs status [resources|nodes|quorum|stonith] [--full] [--output-as json]";
            case "config" -> "pcs config [show] [--output-as json]";
            default -> usage(null);
        };
    }
}
