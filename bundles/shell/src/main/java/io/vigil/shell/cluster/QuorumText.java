package io.vigil.shell.cluster;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.vigil.quorum.api.QuorumFlag;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;

/** {@code pcs quorum status}: corosync-quorumtool's layout, and the same data as JSON. */
final class QuorumText {

    private QuorumText() {
    }

    static String text(QuorumState s) {
        StringBuilder b = new StringBuilder("Quorum information\n------------------\n");
        b.append(String.format("%-18s%d%n", "Nodes:", s.members().size()));
        b.append(String.format("%-18s%d%n", "Node ID:", s.localNodeId()));
        b.append(String.format("%-18s%d%n", "Ring ID:", s.membershipId()));
        b.append(String.format("%-18s%s%n%n", "Quorate:", s.quorate() ? "Yes" : "No"));
        b.append("Votequorum information\n----------------------\n");
        b.append(String.format("%-18s%d%n", "Expected votes:", s.expectedVotes()));
        b.append(String.format("%-18s%d%n", "Highest expected:", s.highestExpected()));
        b.append(String.format("%-18s%d%n", "Total votes:", s.totalVotes()));
        b.append(String.format("%-18s%d%s%n", "Quorum:", s.quorum(), s.quorate() ? "" : " Activity blocked"));
        b.append(String.format("%-18s%s%n%n", "Flags:", flags(s)));
        b.append("Membership information\n----------------------\n");
        b.append(String.format("%10s %10s %s%n", "Nodeid", "Votes", "Name"));
        for (QuorumMember m : s.members()) {
            b.append(String.format("%10d %10d %s%s%n", m.nodeId(), m.votes(), m.name(),
                    m.nodeId() == s.localNodeId() ? " (local)" : ""));
        }
        return b.toString().stripTrailing();
    }

    private static String flags(QuorumState s) {
        return Arrays.stream(QuorumFlag.values()).filter(s.flags()::contains).map(QuorumFlag::label)
                .collect(Collectors.joining(" "));
    }

    static JsonElement json(QuorumState s) {
        JsonObject o = new JsonObject();
        o.addProperty("quorate", s.quorate());
        o.addProperty("expectedVotes", s.expectedVotes());
        o.addProperty("highestExpected", s.highestExpected());
        o.addProperty("totalVotes", s.totalVotes());
        o.addProperty("quorum", s.quorum());
        o.addProperty("flags", flags(s));
        o.addProperty("localNodeId", s.localNodeId());
        JsonArray members = new JsonArray();
        for (QuorumMember m : s.members()) {
            JsonObject x = new JsonObject();
            x.addProperty("nodeId", m.nodeId());
            x.addProperty("name", m.name());
            x.addProperty("votes", m.votes());
            members.add(x);
        }
        o.add("members", members);
        return o;
    }
}
