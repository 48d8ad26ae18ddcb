package io.vigil.shell.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;

/** Edits of attribute sets: NAME=VALUE sets a name in the first unconditional set, NAME= (empty) removes it. */
public final class AttributeEdits {

    private AttributeEdits() {
    }

    /** One set with these pairs (ids {@code setId-NAME}); empty when there are none. */
    public static AttributeSets sets(String setId, Map<String, String> values) {
        if (values.isEmpty()) {
            return AttributeSets.EMPTY;
        }
        List<Nvpair> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(Nvpair.of(setId + "-" + k, k, v)));
        return AttributeSets.of(NvSet.of(setId, pairs));
    }

    /** Applies {@code updates} (empty value = remove) to the first unconditional set, created as {@code setId}. */
    public static AttributeSets apply(AttributeSets sets, String setId, Map<String, String> updates) {
        List<NvSet> out = new ArrayList<>(sets.sets());
        int at = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isUnconditional()) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            out.add(0, NvSet.of(setId, List.of()));
            at = 0;
        }
        NvSet s = out.get(at);
        List<Nvpair> pairs = new ArrayList<>(s.pairs());
        updates.forEach((name, value) -> {
            int found = -1;
            for (int i = 0; i < pairs.size(); i++) {
                if (name.equals(pairs.get(i).name())) {
                    found = i;
                    break;
                }
            }
            if (value == null || value.isEmpty()) {
                if (found >= 0) {
                    pairs.remove(found);
                }
            } else if (found >= 0) {
                pairs.set(found, new Nvpair(pairs.get(found).id(), name, value, null));
            } else {
                pairs.add(Nvpair.of(s.id() + "-" + name, name, value));
            }
        });
        out.set(at, new NvSet(s.id(), s.idRef(), s.score(), s.rule(), pairs));
        out.removeIf(x -> x.isUnconditional() && x.pairs().isEmpty() && x.idRef() == null);
        return new AttributeSets(out);
    }
}
