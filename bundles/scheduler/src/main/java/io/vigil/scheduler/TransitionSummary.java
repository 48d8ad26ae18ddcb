package io.vigil.scheduler;

import java.util.List;

/** The human summary of a transition: one {@link SummaryLine} per resource change, plus fencing and shutdowns. */
public record TransitionSummary(List<String> fencing, List<String> shutdowns, List<SummaryLine> lines) {

    public TransitionSummary {
        fencing = List.copyOf(fencing);
        shutdowns = List.copyOf(shutdowns);
        lines = List.copyOf(lines);
    }

    /** The text lines, fencing first, as crm_simulate prints them. */
    public List<String> text() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String f : fencing) {
            out.add("* Fence (" + f.substring(f.lastIndexOf(':') + 1) + ") " + f.substring(0, f.lastIndexOf(':')));
        }
        for (String s : shutdowns) {
            out.add("* Shutdown " + s);
        }
        for (SummaryLine l : lines) {
            out.add(l.text());
        }
        return List.copyOf(out);
    }
}
