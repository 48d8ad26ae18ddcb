package io.vigil.cib.change;

import java.util.ArrayList;
import java.util.List;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;

/** Set/unset a name in the first unconditional set, the way crm_attribute and crm_resource do. */
final class NvSets {
    private NvSets() {
    }

    static AttributeSets set(AttributeSets sets, String setId, String name, String value) {
        List<NvSet> out = new ArrayList<>(sets.sets());
        for (int i = 0; i < out.size(); i++) {
            NvSet s = out.get(i);
            if (s.isUnconditional()) {
                out.set(i, put(s, name, value));
                return new AttributeSets(out);
            }
        }
        out.add(0, put(NvSet.of(setId, List.of()), name, value));
        return new AttributeSets(out);
    }

    private static NvSet put(NvSet s, String name, String value) {
        List<Nvpair> pairs = new ArrayList<>(s.pairs());
        for (int i = 0; i < pairs.size(); i++) {
            Nvpair p = pairs.get(i);
            if (name.equals(p.name())) {
                pairs.set(i, new Nvpair(p.id(), name, value, null));
                return new NvSet(s.id(), s.idRef(), s.score(), s.rule(), pairs);
            }
        }
        pairs.add(Nvpair.of(s.id() + "-" + name, name, value));
        return new NvSet(s.id(), s.idRef(), s.score(), s.rule(), pairs);
    }

    /** Removes the name from every unconditional set; returns the sets unchanged when it was not there. */
    static AttributeSets unset(AttributeSets sets, String name) {
        List<NvSet> out = new ArrayList<>();
        for (NvSet s : sets.sets()) {
            if (s.isUnconditional()) {
                out.add(new NvSet(s.id(), s.idRef(), s.score(), s.rule(),
                        s.pairs().stream().filter(p -> !name.equals(p.name())).toList()));
            } else {
                out.add(s);
            }
        }
        return new AttributeSets(out);
    }
}
