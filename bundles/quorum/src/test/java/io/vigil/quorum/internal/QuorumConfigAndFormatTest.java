package io.vigil.quorum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;

import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;
import io.vigil.quorum.logic.QuorumSettings;
import io.vigil.quorum.logic.QuorumSettings.TieBreaker;
import io.vigil.quorum.logic.VoteQuorum;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuorumConfigAndFormatTest {
    private static QuorumSettings parse(String json) {
        return QuorumConfigReader.parse(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void readsNodeListAndFlags() {
        QuorumSettings s = parse("""
                {"cluster": {"name": "c", "peers": ["h:1", {"address": "h", "port": 2, "nodeId": 7, "votes": 2}, "h:3"]},
                 "quorum": {"waitForAll": true, "lastManStanding": true, "lastManStandingWindowMs": 5000,
                            "autoTieBreaker": true, "autoTieBreakerNode": [7, 1]}}""");
        assertEquals(Map.of(1, 1, 7, 2, 3, 1), s.nodeVotes());
        assertTrue(s.waitForAll() && s.lastManStanding() && s.autoTieBreaker());
        assertEquals(5000, s.lastManStandingWindowMs());
        assertEquals(new TieBreaker(TieBreaker.Mode.LIST, List.of(7, 1)), s.tieBreaker());
        assertEquals(4, new VoteQuorum(s, 1).state().expectedVotes());
    }

    @Test
    void twoNodeImpliesWaitForAllAndStandaloneIsOneVote() {
        QuorumSettings s = parse("{\"cluster\": {\"peers\": [\"a:1\", \"b:1\"]}, \"quorum\": {\"twoNode\": true}}");
        assertTrue(s.twoNode() && s.waitForAll());
        assertEquals(Map.of(1, 1), parse("{}").nodeVotes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"cluster\": {\"peers\": [\"a:1\", \"b:1\"]}, \"quorum\": {\"twoNode\": true, \"autoTieBreaker\": true}}"));
        assertTrue(e.getMessage().startsWith("quorum.autoTieBreaker:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"cluster\": {\"peers\": [\"a:1\"]}, \"quorum\": {\"autoTieBreakerNode\": \"middle\"}}"));
        assertTrue(e.getMessage().startsWith("quorum.autoTieBreakerNode:"), e.getMessage());
    }

    @Test
    void statusLooksLikeCorosyncQuorumtool() {
        VoteQuorum q = new VoteQuorum(QuorumSettings.defaults(Map.of(1, 1, 2, 1, 3, 1)), 2);
        QuorumState s = q.membershipChanged(12, List.of(new QuorumMember(1, "alpha", 1),
                new QuorumMember(2, "beta", 1)), 0);
        String out = QuorumStatusFormatter.format(s);
        assertTrue(out.contains("Expected votes:   3\n"), out);
        assertTrue(out.contains("Total votes:      2\n"), out);
        assertTrue(out.contains("Quorum:           2\n"), out);
        assertTrue(out.contains("Flags:            Quorate\n"), out);
        assertTrue(out.contains("Quorate:          Yes\n"), out);
        assertTrue(out.contains("    Nodeid      Votes Name\n"), out);
        assertTrue(out.contains("         2          1 beta (local)\n"), out);
        String lost = QuorumStatusFormatter.format(q.membershipChanged(13, List.of(new QuorumMember(2, "beta", 1)), 0));
        assertTrue(lost.contains("Quorum:           2 Activity blocked\n"), lost);
        assertTrue(lost.contains("Quorate:          No\n"), lost);
    }
}
