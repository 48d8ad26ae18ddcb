package io.vigil.scheduler;

/**
 * One row of the allocation score table (what {@code crm_simulate -s} shows), e.g.
 * {@code pcmk__primitive_assign: rsc1 allocation score on node1: 100}.
 *
 * @param stage    the stage that reported it (pcmk__primitive_assign, pcmk__group_assign, pcmk__clone_assign, promotion)
 * @param resource resource id (clone instances as {@code rsc:N})
 * @param node     node name
 * @param score    the score, saturated to +-1,000,000
 */
public record ScoreEntry(String stage, String resource, String node, int score) {

    public String text() {
        String s = score >= 1_000_000 ? "INFINITY" : score <= -1_000_000 ? "-INFINITY" : Integer.toString(score);
        if ("promotion".equals(stage)) {
            return resource + " promotion score on " + node + ": " + s;
        }
        return stage + ": " + resource + " allocation score on " + node + ": " + s;
    }
}
