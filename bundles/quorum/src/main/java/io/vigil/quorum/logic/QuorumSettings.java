package io.vigil.quorum.logic;

import java.util.List;
import java.util.Map;

/**
 * The votequorum options of a cluster.
 *
 * @param expectedVotes configured expected votes, or 0 to use the sum of {@code nodeVotes}
 * @param nodeVotes votes of every configured node, by node id (may be empty)
 * @param twoNode two_node: quorum is 1 with two one-vote nodes (the config reader and {@link #withTwoNode()} also
 *        turn on wait_for_all unless it is set explicitly)
 * @param waitForAll wait_for_all: first quorate only once all expected votes were present together
 * @param lastManStanding last_man_standing: lower expected votes after the membership is stable for the window
 * @param lastManStandingWindowMs last_man_standing_window (default 10000)
 * @param autoTieBreaker auto_tie_breaker: with exactly half of the votes, the half with the tie-breaker node wins
 * @param tieBreaker auto_tie_breaker_node: "lowest", "highest", or node ids in order of preference
 */
public record QuorumSettings(int expectedVotes, Map<Integer, Integer> nodeVotes, boolean twoNode, boolean waitForAll,
                             boolean lastManStanding, long lastManStandingWindowMs, boolean autoTieBreaker,
                             TieBreaker tieBreaker) {

    public QuorumSettings {
        nodeVotes = Map.copyOf(nodeVotes);
    }

    /** Which node decides an even split. */
    public record TieBreaker(Mode mode, List<Integer> nodeIds) {
        public static final TieBreaker LOWEST = new TieBreaker(Mode.LOWEST, List.of());

        public TieBreaker {
            nodeIds = List.copyOf(nodeIds);
        }

        /** Tie-breaker selection. */
        public enum Mode { LOWEST, HIGHEST, LIST }
    }

    /** Defaults: expected votes from the node list, every option off, window 10 s, lowest node id. */
    public static QuorumSettings defaults(Map<Integer, Integer> nodeVotes) {
        return new QuorumSettings(0, nodeVotes, false, false, false, 10_000, false, TieBreaker.LOWEST);
    }

    public QuorumSettings withTwoNode() {
        return new QuorumSettings(expectedVotes, nodeVotes, true, true, lastManStanding, lastManStandingWindowMs,
                autoTieBreaker, tieBreaker);
    }

    public QuorumSettings withWaitForAll(boolean on) {
        return new QuorumSettings(expectedVotes, nodeVotes, twoNode, on, lastManStanding, lastManStandingWindowMs,
                autoTieBreaker, tieBreaker);
    }

    public QuorumSettings withLastManStanding(long windowMs) {
        return new QuorumSettings(expectedVotes, nodeVotes, twoNode, waitForAll, true, windowMs, autoTieBreaker,
                tieBreaker);
    }

    public QuorumSettings withAutoTieBreaker(TieBreaker t) {
        return new QuorumSettings(expectedVotes, nodeVotes, twoNode, waitForAll, lastManStanding,
                lastManStandingWindowMs, true, t);
    }

    public QuorumSettings withExpectedVotes(int votes) {
        return new QuorumSettings(votes, nodeVotes, twoNode, waitForAll, lastManStanding, lastManStandingWindowMs,
                autoTieBreaker, tieBreaker);
    }
}
