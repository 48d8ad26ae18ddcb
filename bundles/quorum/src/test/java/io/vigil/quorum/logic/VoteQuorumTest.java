package io.vigil.quorum.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.quorum.api.QuorumFlag;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;
import io.vigil.quorum.logic.QuorumSettings.TieBreaker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class VoteQuorumTest {
    private long view;

    private static Map<Integer, Integer> nodes(int n) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            m.put(i, 1);
        }
        return m;
    }

    private QuorumState members(VoteQuorum q, long now, int... ids) {
        List<QuorumMember> ms = Arrays.stream(ids).mapToObj(i -> new QuorumMember(i, "n" + i, 1)).toList();
        return q.membershipChanged(++view, ms, now);
    }

    @Test
    void majorityOfExpectedVotesFromTheNodeList() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(3)), 1);
        assertFalse(q.state().quorate(), "no members yet");
        QuorumState s = members(q, 0, 1);
        assertEquals(3, s.expectedVotes());
        assertEquals(2, s.quorum());
        assertFalse(s.quorate());
        s = members(q, 0, 1, 2);
        assertTrue(s.quorate());
        assertEquals(2, s.totalVotes());
        assertTrue(s.flags().contains(QuorumFlag.QUORATE));
        assertTrue(members(q, 0, 1, 2, 3).quorate());
        assertFalse(members(q, 0, 3).quorate(), "1 of 3 after two losses");
    }

    @Test
    void perNodeVotesAndConfiguredExpectedVotes() {
        Map<Integer, Integer> votes = Map.of(1, 3, 2, 1, 3, 1); // expected 5, quorum 3
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(votes), 1);
        QuorumState s = q.membershipChanged(1, List.of(new QuorumMember(1, "big", 3)), 0);
        assertEquals(5, s.expectedVotes());
        assertEquals(3, s.quorum());
        assertTrue(s.quorate(), "3 of 5 votes");
        s = q.membershipChanged(2, List.of(new QuorumMember(2, "a", 1), new QuorumMember(3, "b", 1)), 0);
        assertFalse(s.quorate(), "2 of 5 votes");

        VoteQuorum fixed = new VoteQuorum(QuorumSettings.defaults(nodes(3)).withExpectedVotes(5), 1);
        assertFalse(members(fixed, 0, 1, 2).quorate(), "2 of 5");
        assertTrue(members(fixed, 0, 1, 2, 3).quorate(), "3 of 5");
    }

    @Test
    void evenSplitWithoutTieBreakerIsNotQuorate() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(4)), 1);
        members(q, 0, 1, 2, 3, 4);
        QuorumState s = members(q, 0, 1, 2);
        assertEquals(3, s.quorum());
        assertFalse(s.quorate());
    }

    @Test
    void expectedVotesRiseWhenMoreVotesArePresent() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(2)), 1);
        QuorumState s = members(q, 0, 1, 2, 3);
        assertEquals(3, s.expectedVotes());
        assertEquals(3, s.highestExpected());
        assertFalse(members(q, 0, 1).quorate(), "1 of (raised) 3");
    }

    @Test
    void twoNodeKeepsTheSurvivorQuorateButWaitsForBothAtStart() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(2)).withTwoNode(), 1);
        QuorumState s = members(q, 0, 1);
        assertEquals(1, s.quorum());
        assertFalse(s.quorate(), "two_node implies wait_for_all: alone at start is not enough");
        assertTrue(s.waitingForAll());
        assertTrue(s.flags().containsAll(List.of(QuorumFlag.TWO_NODE, QuorumFlag.WAIT_FOR_ALL)));
        assertTrue(members(q, 0, 1, 2).quorate());
        s = members(q, 0, 1);
        assertTrue(s.quorate(), "the survivor of a two-node cluster keeps quorum");
        assertFalse(s.waitingForAll());
        assertEquals(1, s.quorum());
        VoteQuorum other = new VoteQuorum(QuorumSettings.defaults(nodes(2)).withTwoNode(), 2);
        members(other, 0, 1, 2);
        assertTrue(members(other, 0, 2).quorate(), "both halves are quorate: fencing must decide (fence race)");
    }

    @Test
    void twoNodeWithoutWaitForAllIsQuorateAloneAtStart() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(2)).withTwoNode().withWaitForAll(false), 1);
        // withTwoNode sets waitForAll; the explicit override turns it off
        assertTrue(members(q, 0, 1).quorate());
    }

    @Test
    void waitForAllNeedsEveryNodeOnceThenNormalRules() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(3)).withWaitForAll(true), 1);
        assertFalse(members(q, 0, 1, 2).quorate(), "2 of 3 would be a majority, but not all were seen yet");
        assertTrue(q.state().waitingForAll());
        assertTrue(members(q, 0, 1, 2, 3).quorate());
        assertFalse(q.state().waitingForAll());
        assertTrue(members(q, 0, 1, 2).quorate(), "after all were seen, the majority rule applies");
        assertFalse(members(q, 0, 1).quorate());
        assertTrue(members(q, 0, 1, 3).quorate(), "no new wait after losing quorum");
    }

    @Test
    void lastManStandingShrinksExpectedVotesAfterTheWindow() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(5)).withLastManStanding(10_000), 1);
        members(q, 0, 1, 2, 3, 4, 5);
        QuorumState s = members(q, 1_000, 1, 2, 3); // 3 of 5: quorate
        assertTrue(s.quorate());
        assertEquals(OptionalLong.of(11_000), q.nextTickAt());
        assertEquals(5, q.tick(10_999).expectedVotes(), "window not elapsed");
        s = q.tick(11_000);
        assertEquals(3, s.expectedVotes());
        assertEquals(2, s.quorum());
        assertEquals(OptionalLong.empty(), q.nextTickAt());
        s = members(q, 12_000, 1, 2); // 2 of 3: still quorate
        assertTrue(s.quorate());
        assertEquals(2, q.tick(22_000).expectedVotes());
        assertFalse(members(q, 23_000, 1).quorate(), "without auto_tie_breaker it stops at two nodes");
        assertEquals(OptionalLong.empty(), q.nextTickAt());
        assertTrue(s.flags().contains(QuorumFlag.LAST_MAN_STANDING));
    }

    @Test
    void lastManStandingWindowRestartsOnEveryChangeAndNeedsQuorum() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(5)).withLastManStanding(10_000), 1);
        members(q, 0, 1, 2, 3, 4, 5);
        members(q, 1_000, 1, 2, 3, 4);
        members(q, 5_000, 1, 2, 3);
        assertEquals(5, q.tick(11_000).expectedVotes(), "the second loss restarted the window");
        assertEquals(3, q.tick(15_000).expectedVotes());
        assertTrue(members(q, 16_000, 1, 2, 3, 4, 5).quorate());
        assertEquals(5, q.state().expectedVotes(), "returning nodes raise expected votes again");

        VoteQuorum lost = new VoteQuorum(QuorumSettings.defaults(nodes(5)).withLastManStanding(10_000), 1);
        members(lost, 0, 1, 2, 3, 4, 5);
        members(lost, 1_000, 1, 2); // 2 of 5 at once: not quorate, nothing to shrink
        assertFalse(lost.tick(60_000).quorate());
        assertEquals(5, lost.state().expectedVotes());
    }

    @Test
    void lastManStandingWithTieBreakerGoesDownToOneNode() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(3)).withLastManStanding(1_000)
                .withAutoTieBreaker(TieBreaker.LOWEST), 1);
        members(q, 0, 1, 2, 3);
        members(q, 0, 1, 2);
        assertEquals(2, q.tick(1_000).expectedVotes());
        QuorumState s = members(q, 2_000, 1);
        assertTrue(s.quorate(), "half of 2 with the lowest node id");
        assertEquals(1, q.tick(3_000).expectedVotes());
        assertEquals(1, q.state().quorum());
    }

    @Test
    void autoTieBreakerLowestIdWinsAnEvenSplit() {
        QuorumSettings s = QuorumSettings.defaults(nodes(4)).withAutoTieBreaker(TieBreaker.LOWEST);
        VoteQuorum withLowest = new VoteQuorum(s, 1);
        VoteQuorum without = new VoteQuorum(s, 3);
        members(withLowest, 0, 1, 2, 3, 4);
        members(without, 0, 1, 2, 3, 4);
        assertTrue(members(withLowest, 0, 1, 2).quorate());
        assertFalse(members(without, 0, 3, 4).quorate());
        assertTrue(withLowest.state().flags().contains(QuorumFlag.AUTO_TIE_BREAKER));
        assertFalse(members(withLowest, 0, 1).quorate(), "a quarter is not a tie");
    }

    @Test
    void autoTieBreakerLowestCountsConfiguredNodesEvenIfNeverSeen() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(nodes(4)).withAutoTieBreaker(TieBreaker.LOWEST), 3);
        assertFalse(members(q, 0, 3, 4).quorate(), "node 1 is configured, so 3+4 is not the lowest half");
    }

    @Test
    void autoTieBreakerHighestAndList() {
        QuorumSettings high = QuorumSettings.defaults(nodes(4))
                .withAutoTieBreaker(new TieBreaker(TieBreaker.Mode.HIGHEST, List.of()));
        VoteQuorum h = new VoteQuorum(high, 3);
        members(h, 0, 1, 2, 3, 4);
        assertTrue(members(h, 0, 3, 4).quorate());

        QuorumSettings list = QuorumSettings.defaults(nodes(4))
                .withAutoTieBreaker(new TieBreaker(TieBreaker.Mode.LIST, List.of(9, 2, 3)));
        VoteQuorum l = new VoteQuorum(list, 2);
        members(l, 0, 1, 2, 3, 4);
        assertTrue(members(l, 0, 1, 2).quorate(), "9 was never a member, so 2 decides");
        VoteQuorum l3 = new VoteQuorum(list, 3);
        members(l3, 0, 1, 3, 4);
        QuorumState s = members(l3, 0, 3, 4);
        assertEquals(4, s.expectedVotes());
        assertTrue(s.quorate(), "2 was not in the cluster before the split, so 3 decides");
    }
}
