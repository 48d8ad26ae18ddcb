package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;

/** Which crash records prove that the node that just left is dead; the witness is a set the test fills. */
class CrashEvidenceTest {

    private final Set<String> witnessed = ConcurrentHashMap.newKeySet();
    private final CrashEvidence evidence = new CrashEvidence(witnessed::contains);
    private long viewId;

    @Test
    void aCrashWitnessedAfterTheLastViewWithTheNodeIsProof() {
        evidence.viewInstalled(view("n1", "n2", "n3"));
        witnessed.add("n2");
        evidence.viewInstalled(view("n1", "n3"));
        assertTrue(evidence.died("n2"));
        assertFalse(evidence.died("n3"), "no record, no proof");
    }

    @Test
    void aRecordAlreadyThereWhileTheNodeWasAMemberIsAnEarlierIncarnations() {
        witnessed.add("n2"); // killed earlier, the witness still remembers
        evidence.viewInstalled(view("n1", "n2", "n3")); // restarted and rejoined
        evidence.viewInstalled(view("n1", "n3")); // cut off, alive
        assertFalse(evidence.died("n2"));
    }

    @Test
    void onceTheWitnessForgotTheOldCrashANewOneCountsAgain() {
        witnessed.add("n2");
        evidence.viewInstalled(view("n1", "n2", "n3"));
        witnessed.remove("n2"); // the old record expired
        evidence.viewInstalled(view("n1", "n2", "n3"));
        witnessed.add("n2"); // killed again
        evidence.viewInstalled(view("n1", "n3"));
        assertTrue(evidence.died("n2"));
    }

    private MembershipView view(String... names) {
        List<Member> members = new ArrayList<>();
        for (String n : names) {
            members.add(new Member(n, Integer.parseInt(n.substring(1)), 1, Instant.EPOCH));
        }
        return new MembershipView(++viewId, names[0], members, false, List.of());
    }
}
