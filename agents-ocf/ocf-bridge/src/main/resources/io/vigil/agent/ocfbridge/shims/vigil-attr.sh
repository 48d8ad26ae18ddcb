# Shared functions of Vigil's attribute shims (attrd_updater, crm_attribute, crm_master), sourced by them.
# Protocol with the OCF bridge (io.vigil.agent.ocfbridge.AttributeChannel):
#   VIGIL_ATTR_SNAPSHOT  file written by the bridge before the action: "node<TAB>name<TAB>value" per line, the
#                        node's current attributes.
#   VIGIL_ATTR_LOG       file the shims append to: "set<TAB>node<TAB>name<TAB>value<TAB>dampen" or
#                        "delete<TAB>node<TAB>name<TAB><TAB>dampen". After the action the bridge applies the
#                        lines in order to the node attribute service and deletes both files.
# Values are data: they are only ever expanded inside double quotes and never evaluated.
TAB=$(printf '\t')
NL='
'

vigil_attr_node() {
    if [ -n "$OCF_RESKEY_CRM_meta_on_node" ]; then
        printf '%s\n' "$OCF_RESKEY_CRM_meta_on_node"
    else
        uname -n
    fi
}

vigil_attr_require() {
    if [ -z "$VIGIL_ATTR_LOG" ] || [ ! -f "$VIGIL_ATTR_LOG" ]; then
        echo "${0##*/}: not run by a Vigil agent (VIGIL_ATTR_LOG unset)" >&2
        exit 1
    fi
}

vigil_attr_check() {
    case "$1" in
        *"$TAB"*|*"$NL"*) echo "${0##*/}: $2 must not contain a tab or a newline" >&2; exit 64;;
    esac
}

# vigil_attr_set NODE NAME VALUE DAMPEN
vigil_attr_set() {
    vigil_attr_require
    vigil_attr_check "$1" node; vigil_attr_check "$2" name; vigil_attr_check "$3" value; vigil_attr_check "$4" dampen
    printf 'set\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$VIGIL_ATTR_LOG"
}

# vigil_attr_delete NODE NAME DAMPEN
vigil_attr_delete() {
    vigil_attr_require
    vigil_attr_check "$1" node; vigil_attr_check "$2" name; vigil_attr_check "$3" dampen
    printf 'delete\t%s\t%s\t\t%s\n' "$1" "$2" "$3" >> "$VIGIL_ATTR_LOG"
}

# vigil_attr_query NODE NAME: prints the value (snapshot, then this action's own updates); rc 1 when unset
vigil_attr_query() {
    vigil_attr_require
    Q_NODE="$1" Q_NAME="$2" awk -F'\t' '
        FILENAME == ENVIRON["VIGIL_ATTR_SNAPSHOT"] {
            if ($1 == ENVIRON["Q_NODE"] && $2 == ENVIRON["Q_NAME"]) { v = $3; f = 1 }
            next
        }
        $2 == ENVIRON["Q_NODE"] && $3 == ENVIRON["Q_NAME"] {
            if ($1 == "set") { v = $4; f = 1 } else { f = 0 }
        }
        END { if (f) print v; else exit 1 }' "$VIGIL_ATTR_SNAPSHOT" "$VIGIL_ATTR_LOG"
}
