package io.vigil.scheduler.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * An action's parameters: the resource's instance attributes (one map shared by every action and clone instance
 * of the definition) overlaid with the few {@code CRM_meta_*} values of this action. Immutable; iterates in key
 * order. Building one costs two small arrays instead of a copy of every attribute.
 */
public final class ActionParams extends AbstractMap<String, String> {
    private final Map<String, String> base;
    private final String[] keys;
    private final String[] values;
    private Set<Entry<String, String>> entries;

    /** {@code overlay} wins over {@code base}; neither is copied beyond the overlay's few entries. */
    static ActionParams of(Map<String, String> base, Map<String, String> overlay) {
        TreeMap<String, String> sorted = new TreeMap<>(overlay);
        return new ActionParams(base, sorted.keySet().toArray(new String[0]),
                sorted.values().toArray(new String[0]));
    }

    /** {@code keys} sorted (and possibly shared by many actions), {@code values} in the same order. */
    ActionParams(Map<String, String> base, String[] keys, String[] values) {
        this.base = base;
        this.keys = keys;
        this.values = values;
    }

    private int find(Object key) {
        if (key instanceof String s) {
            return java.util.Arrays.binarySearch(keys, s);
        }
        return -1;
    }

    @Override
    public String get(Object key) {
        int i = find(key);
        return i >= 0 ? values[i] : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0 || base.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (entries == null) {
            TreeMap<String, String> all = new TreeMap<>(base);
            for (int i = 0; i < keys.length; i++) {
                all.put(keys[i], values[i]);
            }
            Map<String, String> view = java.util.Collections.unmodifiableMap(all);
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    Iterator<Entry<String, String>> it = view.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (!it.hasNext()) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, String> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
                        }
                    };
                }

                @Override
                public int size() {
                    return view.size();
                }
            };
        }
        return entries;
    }
}
