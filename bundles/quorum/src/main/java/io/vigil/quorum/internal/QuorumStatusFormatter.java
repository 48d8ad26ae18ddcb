package io.vigil.quorum.internal;

import io.vigil.quorum.api.QuorumFlag;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats a {@link QuorumState} like {@code corosync-quorumtool -s}. */
final class QuorumStatusFormatter {

    private QuorumStatusFormatter() {
    }

    static String format(QuorumState s) {
        StringBuilder b = new StringBuilder();
        b.append("Quorum information\n------------------\n");
        b.append(String.format("%-18s%s%n", "Quorum provider:", "vigil_votequorum"));
        b.append(String.format("%-18s%d%n", "Nodes:", s.members().size()));
        b.append(String.format("%-18s%d%n", "Node ID:", s.localNodeId()));
        b.append(String.format("%-18s%d%n", "Ring ID:", s.membershipId()));
        b.append(String.format("%-18s%s%n%n", "Quorate:", s.quorate() ? "Yes" : "No"));
        b.append("Votequorum information\n----------------------\n");
        b.append(String.format("%-18s%d%n", "Expected votes:", s.expectedVotes()));
        b.append(String.format("%-18s%d%n", "Highest expected:", s.highestExpected()));
        b.append(String.format("%-18s%d%n", "Total votes:", s.totalVotes()));
        b.append(String.format("%-18s%d%s%n", "Quorum:", s.quorum(), s.quorate() ? "" : " Activity blocked"));
        String flags = Arrays.stream(QuorumFlag.values()).filter(s.flags()::contains).map(QuorumFlag::label)
                .collect(Collectors.joining(" "));
        b.append(String.format("%-18s%s%n%n", "Flags:", flags));
        b.append("Membership information\n----------------------\n");
        b.append(String.format("%10s %10s %s%n", "Nodeid", "Votes", "Name"));
        for (QuorumMember m : s.members()) {
            b.append(String.format("%10d %10d %s%s%n", m.nodeId(), m.votes(), m.name(),
                    m.nodeId() == s.localNodeId() ? " (local)" : ""));
        }
        return b.toString();
    }
}
