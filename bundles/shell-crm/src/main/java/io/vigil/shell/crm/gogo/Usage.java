package io.vigil.shell.crm.gogo;

/** {@code crm --help}. */
final class Usage {

    static final String TEXT = String.join("\n",
            "crm — crmsh's command language",
            "  crm configure primitive ID CLASS:PROVIDER:TYPE [params N=V…] [meta N=V…] [op NAME N=V…]…",
            "  crm configure group ID RSC… [meta N=V…] | clone ID RSC [meta …] | ms ID RSC [meta …]",
            "  crm configure location ID RSC SCORE: NODE | location ID RSC rule [$id=ID] SCORE: EXPR [and|or EXPR]…",
            "      EXPR: defined ATTR | not_defined ATTR | ATTR [TYPE:]lt|gt|lte|gte|eq|ne VALUE ('#uname' quoted)",
            "  crm configure colocation ID SCORE: RSC[:ROLE] WITH-RSC[:ROLE]",
            "  crm configure order ID [Mandatory|Optional|Serialize|SCORE]: FIRST[:ACTION] THEN[:ACTION] [symmetrical=B]",
            "  crm configure property|rsc_defaults|op_defaults [$id=ID] N=V…",
            "  crm configure show [ID…] | delete ID… | verify | load update FILE",
            "  crm configure   (alone: a session; type the configure commands on their own lines, then commit)",
            "  crm -f FILE     (a crm script: every configure command in it, committed as one change)",
            "  crm resource cleanup [RSC [NODE]] | move RSC [NODE] | ban RSC [NODE] | clear RSC | start RSC | stop RSC",
            "  crm resource status [RSC] | failcount RSC show|delete NODE   (reading commands take --output-as json|xml)",
            "  crm node standby NODE | online NODE | attribute NODE set|delete|show NAME [VALUE]",
            "  crm ra list CLASS[:PROVIDER] | info CLASS:PROVIDER:TYPE",
            "Scores: inf, -inf, +inf, INFINITY or a number. In this shell write '$id=…' as \\$id=… or quoted, and",
            "quote '#uname' (Gogo reads $ as a variable and # as a comment); a bare =ID is read as $id=ID.",
            "A command that is rejected changes nothing.");

    private Usage() {
    }
}
