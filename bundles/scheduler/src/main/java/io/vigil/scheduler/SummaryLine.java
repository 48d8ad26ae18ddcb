package io.vigil.scheduler;

/**
 * One line of the transition summary, as {@code crm_simulate -S} prints it.
 *
 * @param change      Start, Stop, Move, Recover, Restart, Promote, Demote, Re-promote, Migrate, Reload
 * @param resource    resource id (clone instances as {@code rsc:N})
 * @param origin      node the resource leaves or acts on, or null
 * @param destination node the resource goes to, or null
 * @param role        current role when it matters (promotable clones), else null
 * @param nextRole    next role when it matters, else null
 * @param blocked     true when the action cannot run
 * @param reason      why (e.g. "node1 is unclean"), or null
 */
public record SummaryLine(String change, String resource, String origin, String destination, String role,
                          String nextRole, boolean blocked, String reason) {

    /** {@code * Move       rsc     ( node1 -> node2 )} style text. */
    public String text() {
        StringBuilder details = new StringBuilder();
        if (role != null && nextRole != null && !role.equals(nextRole) && origin != null && destination != null) {
            details.append(role).append(' ').append(origin).append(" -> ").append(nextRole).append(' ')
                    .append(destination);
        } else if (origin != null && destination != null && !origin.equals(destination)) {
            if (role != null) {
                details.append(role).append(' ');
            }
            details.append(origin).append(" -> ").append(destination);
        } else if (role != null && nextRole != null && !role.equals(nextRole)) {
            details.append(role).append(" -> ").append(nextRole).append(' ')
                    .append(origin != null ? origin : destination);
        } else {
            if (role != null) {
                details.append(role).append(' ');
            }
            details.append(origin != null ? origin : destination);
        }
        String s = String.format("* %-10s %-8s ( %s )", change, resource, details);
        if (blocked) {
            s += "  blocked";
        }
        if (reason != null) {
            s += "  due to " + reason;
        }
        return s;
    }
}
