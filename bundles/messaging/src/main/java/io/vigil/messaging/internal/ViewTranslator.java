package io.vigil.messaging.internal;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jgroups.Address;
import org.jgroups.MergeView;
import org.jgroups.View;

/** Turns JGroups views into {@link MembershipView}s, remembering when each member joined. */
final class ViewTranslator {
    private final Clock clock;
    private Map<Address, Instant> joined = new HashMap<>();

    ViewTranslator(Clock clock) {
        this.clock = clock;
    }

    synchronized MembershipView translate(View v) {
        Instant now = clock.instant();
        Map<Address, Instant> next = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (Address a : v.getMembers()) {
            Instant since = joined.getOrDefault(a, now);
            next.put(a, since);
            members.add(new Member(NodeIdentity.name(a), NodeIdentity.nodeId(a), NodeIdentity.votes(a), since));
        }
        joined = next;
        List<List<String>> subgroups = new ArrayList<>();
        if (v instanceof MergeView mv) {
            for (View g : mv.getSubgroups()) {
                subgroups.add(g.getMembers().stream().map(NodeIdentity::name).toList());
            }
        }
        return new MembershipView(v.getViewId().getId(), NodeIdentity.name(v.getCoord()), members,
                v instanceof MergeView, subgroups);
    }

    /** The view a node has before it joined: itself alone. */
    static MembershipView solo(String name, int nodeId, int votes, Instant since) {
        return new MembershipView(0, name, List.of(new Member(name, nodeId, votes, since)), false, List.of());
    }
}
