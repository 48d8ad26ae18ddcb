package io.vigil.messaging.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One membership view, identical on every member that installs it.
 *
 * @param viewId increasing view number (per coordinator lineage)
 * @param coordinator name of the view's coordinator (the oldest member)
 * @param members the members, oldest first
 * @param merge true if this view ends a partition: several subgroups merged into it
 * @param subgroups for a merge view, the member names of each merged subgroup; empty otherwise
 */
public record MembershipView(long viewId, String coordinator, List<Member> members, boolean merge,
                             List<List<String>> subgroups) {

    public MembershipView {
        Objects.requireNonNull(coordinator, "coordinator");
        members = List.copyOf(members);
        subgroups = subgroups.stream().map(List::copyOf).toList();
    }

    /** The member names, oldest first. */
    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public boolean contains(String name) {
        return member(name).isPresent();
    }

    public int size() {
        return members.size();
    }
}
