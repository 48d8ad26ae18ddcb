package io.vigil.quorum.logic;

import io.vigil.quorum.api.QuorumFlag;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * votequorum(5) for one node: feed it membership changes and clock ticks (milliseconds of any monotonic clock),
 * read the resulting {@link QuorumState}. Not thread-safe; the caller serializes.
 *
 * <ul>
 * <li>expected votes = configured, else the sum of the node list's votes; raised when more votes are present;</li>
 * <li>quorum = expected / 2 + 1 (more than half); with two_node and expected 2 it is 1;</li>
 * <li>wait_for_all (implied by two_node): not quorate until all expected votes have been present together once;</li>
 * <li>last_man_standing: when the membership has been stable for the window while quorate, expected votes drop to
 * the votes present (not below 2, or 1 with auto_tie_breaker);</li>
 * <li>auto_tie_breaker: with exactly half of the expected votes, the partition holding the tie-breaker node
 * (lowest id, highest id, or the first listed id that was a member just before the split) is quorate.</li>
 * </ul>
 */
public final class VoteQuorum {
    private final QuorumSettings settings;
    private final int localNodeId;
    private final TreeSet<Integer> knownIds = new TreeSet<>();
    private int expected;
    private int highestExpected;
    private boolean waitingForAll;
    private List<QuorumMember> members = List.of();
    private long membershipId;
    private long lastChangeAt;
    private boolean lmsPending;
    private Integer tieBreakerId;
    private QuorumState state;

    public VoteQuorum(QuorumSettings settings, int localNodeId) {
        this.settings = settings;
        this.localNodeId = localNodeId;
        int fromList = settings.nodeVotes().values().stream().mapToInt(Integer::intValue).sum();
        this.expected = Math.max(1, settings.expectedVotes() > 0 ? settings.expectedVotes() : fromList);
        this.highestExpected = expected;
        this.waitingForAll = settings.waitForAll();
        this.knownIds.addAll(settings.nodeVotes().keySet());
        recompute();
    }

    public QuorumState state() {
        return state;
    }

    /** A new membership (this node's partition). */
    public QuorumState membershipChanged(long viewId, List<QuorumMember> newMembers, long nowMs) {
        Set<Integer> before = ids(members);
        Set<Integer> after = ids(newMembers);
        membershipId = viewId;
        members = newMembers.stream().sorted(Comparator.comparingInt(QuorumMember::nodeId)).toList();
        knownIds.addAll(after);
        if (!before.equals(after)) {
            lastChangeAt = nowMs;
            Set<Integer> around = new HashSet<>(before);
            around.addAll(after);
            tieBreakerId = chooseTieBreaker(around);
        }
        recompute();
        lmsPending = settings.lastManStanding() && state.quorate() && total() < expected && expected > lmsFloor();
        return state;
    }

    /** Lets time pass: applies last_man_standing once its window has elapsed. */
    public QuorumState tick(long nowMs) {
        if (lmsPending && nowMs - lastChangeAt >= settings.lastManStandingWindowMs()) {
            lmsPending = false;
            if (state.quorate()) {
                expected = Math.max(total(), lmsFloor());
                recompute();
            }
        }
        return state;
    }

    /** When {@link #tick(long)} should next be called, if a last_man_standing window is running. */
    public OptionalLong nextTickAt() {
        return lmsPending ? OptionalLong.of(lastChangeAt + settings.lastManStandingWindowMs()) : OptionalLong.empty();
    }

    private int lmsFloor() {
        return settings.autoTieBreaker() ? 1 : 2;
    }

    private void recompute() {
        int total = total();
        if (total > expected) {
            expected = total;
        }
        highestExpected = Math.max(highestExpected, expected);
        if (waitingForAll && total >= expected) {
            waitingForAll = false;
        }
        int quorum = settings.twoNode() && expected == 2 ? 1 : expected / 2 + 1;
        boolean quorate = !waitingForAll && (total >= quorum || tieBreakerWins(total));
        Set<QuorumFlag> flags = EnumSet.noneOf(QuorumFlag.class);
        if (quorate) {
            flags.add(QuorumFlag.QUORATE);
        }
        if (settings.twoNode()) {
            flags.add(QuorumFlag.TWO_NODE);
        }
        if (settings.waitForAll()) {
            flags.add(QuorumFlag.WAIT_FOR_ALL);
        }
        if (settings.lastManStanding()) {
            flags.add(QuorumFlag.LAST_MAN_STANDING);
        }
        if (settings.autoTieBreaker()) {
            flags.add(QuorumFlag.AUTO_TIE_BREAKER);
        }
        state = new QuorumState(quorate, expected, highestExpected, total, quorum, flags, waitingForAll, members,
                localNodeId, membershipId);
    }

    private boolean tieBreakerWins(int total) {
        return settings.autoTieBreaker() && total * 2 == expected && tieBreakerId != null
                && ids(members).contains(tieBreakerId);
    }

    private Integer chooseTieBreaker(Set<Integer> aroundChange) {
        QuorumSettings.TieBreaker t = settings.tieBreaker();
        return switch (t.mode()) {
            case LOWEST -> knownIds.isEmpty() ? null : knownIds.first();
            case HIGHEST -> knownIds.isEmpty() ? null : knownIds.last();
            case LIST -> t.nodeIds().stream().filter(aroundChange::contains).findFirst().orElse(null);
        };
    }

    private int total() {
        return members.stream().mapToInt(QuorumMember::votes).sum();
    }

    private static Set<Integer> ids(List<QuorumMember> ms) {
        return ms.stream().map(QuorumMember::nodeId).collect(Collectors.toSet());
    }
}
